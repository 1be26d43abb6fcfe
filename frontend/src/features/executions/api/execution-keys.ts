import type { ExecutionFilters } from './list-executions';

/** Query keys of the runs feature. */
export const executionKeys = {
  all: ['executions'] as const,
  lists: () => [...executionKeys.all, 'list'] as const,
  list: (filters: ExecutionFilters) => [...executionKeys.lists(), filters] as const,
  details: () => [...executionKeys.all, 'detail'] as const,
  detail: (id: string) => [...executionKeys.details(), id] as const,
  trail: (id: string) => [...executionKeys.all, 'trail', id] as const,
  output: (id: string) => [...executionKeys.all, 'output', id] as const,
  deliveries: (id: string) => [...executionKeys.all, 'deliveries', id] as const,
  children: (id: string) => [...executionKeys.all, 'children', id] as const,
};
