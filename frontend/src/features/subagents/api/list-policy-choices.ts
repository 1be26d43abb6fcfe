import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { PolicyChoice } from '../types';
import { subagentKeys } from './subagent-keys';

/** `GET /api/permission-policies`: the policies a subagent may be given. */
export const listPolicyChoices = async (signal?: AbortSignal): Promise<PolicyChoice[]> => {
  const { data } = await api.get<Page<PolicyChoice>>('/api/permission-policies?size=100', { signal });
  return data?.items ?? [];
};

export const usePolicyChoices = () =>
  useQuery({ queryKey: subagentKeys.policyChoices(), queryFn: ({ signal }) => listPolicyChoices(signal), staleTime: 60_000 });
