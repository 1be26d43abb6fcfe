/** One page of a list, as every OrchWiz list endpoint answers it (`page` is 0-based). */
export type Page<T> = {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
};

/** A list filter as it goes into a query string: left out when absent or empty; several values repeat the name. */
export type ListFilter = [name: string, value: string | readonly string[] | undefined];

/** The filters as parameters, in the order given. */
export const filterParams = (filters: readonly ListFilter[]): URLSearchParams => {
  const params = new URLSearchParams();
  for (const [name, value] of filters) {
    for (const one of typeof value === 'string' ? [value] : (value ?? [])) if (one) params.append(name, one);
  }
  return params;
};

/** The query string of a list request: the filters in the order given, then `page` unless it is the first, then `size`. */
export const pageQuery = (filters: readonly ListFilter[], page: number | undefined, size: number): string => {
  const params = filterParams(filters);
  if (page) params.set('page', String(page));
  params.set('size', String(size));
  return params.toString();
};
