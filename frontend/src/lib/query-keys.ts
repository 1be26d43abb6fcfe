/**
 * The query keys of one kind of record: lists under `[root, 'list']` and records under `[root, 'detail']`, so a
 * write can refresh every list without refetching every record shown (and the other way round).
 */
export const recordKeys = <ListParams>(root: string) => {
  const all = [root] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: (params: ListParams) => [...all, 'list', params] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: string) => [...all, 'detail', id] as const,
  };
};
