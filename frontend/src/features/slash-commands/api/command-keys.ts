import type { CommandFilters } from './list-commands';

export const commandKeys = {
  all: ['commands'] as const,
  lists: () => [...commandKeys.all, 'list'] as const,
  list: (filters: CommandFilters) => [...commandKeys.lists(), filters] as const,
  details: () => [...commandKeys.all, 'detail'] as const,
  detail: (id: string) => [...commandKeys.details(), id] as const,
  runs: (id: string, page: number) => [...commandKeys.all, 'runs', id, page] as const,
};
