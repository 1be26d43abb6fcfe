export const hookKeys = {
  all: ['hooks'] as const,
  lists: () => [...hookKeys.all, 'list'] as const,
  list: (page: number) => [...hookKeys.lists(), page] as const,
  details: () => [...hookKeys.all, 'detail'] as const,
  detail: (id: string) => [...hookKeys.details(), id] as const,
  deliveryLists: () => [...hookKeys.all, 'deliveries'] as const,
  deliveries: (id: string, page: number) => [...hookKeys.deliveryLists(), id, page] as const,
};
