/** One page of a list, as every OrchWiz list endpoint answers it (`page` is 0-based). */
export type Page<T> = {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
};
