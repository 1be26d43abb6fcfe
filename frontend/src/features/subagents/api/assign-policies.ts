import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PolicyAssignment, WriteResult } from '../types';
import { refreshSubagentAfterWrite } from './find-subagent';

export type AssignPoliciesInput = { id: string; assignments: PolicyAssignment[] };

/** `PUT /api/subagents/{id}/policies`: the whole list; lower priority numbers are evaluated first. */
export const assignPolicies = async ({ id, assignments }: AssignPoliciesInput): Promise<WriteResult> => {
  const { data } = await api.put<WriteResult>(`/api/subagents/${encodeURIComponent(id)}/policies`, { assignments });
  return data;
};

export const useAssignPolicies = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: assignPolicies, onSuccess: (result) => refreshSubagentAfterWrite(queryClient, result.id, result.version) });
};
