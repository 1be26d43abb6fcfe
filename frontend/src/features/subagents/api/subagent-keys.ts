import { recordKeys } from '@/lib/query-keys';
import type { SubagentFilters } from './list-subagents';

export const subagentKeys = {
  ...recordKeys<SubagentFilters>('subagents'),
  policyChoices: () => [...subagentKeys.all, 'policy-choices'] as const,
};
