import { recordKeys } from '@/lib/query-keys';
export const hookKeys = {
  ...recordKeys<number>('hooks'),
  deliveryLists: () => [...hookKeys.all, 'deliveries'] as const,
  deliveries: (id: string, page: number) => [...hookKeys.deliveryLists(), id, page] as const,
};
