import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Decision } from '../types';
import { approvalKeys } from './tool-call-keys';

export type DecideApprovalInput = { toolCallId: string; decision: Decision; inputHash: string; comment?: string };

/** `POST /api/tool-calls/{toolCallId}/decision`; the hash proves the decision is about the input that was shown. */
export const decideApproval = async ({ toolCallId, decision, inputHash, comment }: DecideApprovalInput): Promise<unknown> => {
  const body = comment?.trim() ? { decision, inputHash, comment: comment.trim() } : { decision, inputHash };
  const { data } = await api.post<unknown>(`/api/tool-calls/${encodeURIComponent(toolCallId)}/decision`, body);
  return data;
};

/** Refreshes the inbox and the count after the decision, and after a refusal too (the call changed meanwhile). */
export const useDecideApproval = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideApproval,
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  });
};
