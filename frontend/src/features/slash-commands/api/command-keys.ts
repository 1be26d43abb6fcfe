import { recordKeys } from '@/lib/query-keys';
import type { CommandFilters } from './list-commands';

export const commandKeys = {
  ...recordKeys<CommandFilters>('commands'),
  runs: (id: string, page: number) => [...commandKeys.all, 'runs', id, page] as const,
};
