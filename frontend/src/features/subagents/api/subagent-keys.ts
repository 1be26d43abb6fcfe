import type { SubagentFilters } from './list-subagents';

export const subagentKeys = {
  all: ['subagents'] as const,
  lists: () => [...subagentKeys.all, 'list'] as const,
  list: (filters: SubagentFilters) => [...subagentKeys.lists(), filters] as const,
  details: () => [...subagentKeys.all, 'detail'] as const,
  detail: (id: string) => [...subagentKeys.details(), id] as const,
  policyChoices: () => [...subagentKeys.all, 'policy-choices'] as const,
};
