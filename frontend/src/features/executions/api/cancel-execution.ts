import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ToolCallDetail } from '../types';
import { executionKeys } from './execution-keys';

export type CancelExecutionInput = { id: string };

/** `POST /api/executions/{id}/cancel`: answers the call as it is now. */
export const cancelExecution = async ({ id }: CancelExecutionInput): Promise<ToolCallDetail> => {
  const { data } = await api.post<ToolCallDetail>(`/api/executions/${encodeURIComponent(id)}/cancel`);
  return data;
};

export const useCancelExecution = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelExecution,
    onSuccess: (detail, { id }) => {
      if (detail && typeof detail === 'object' && detail.id === id) queryClient.setQueryData(executionKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: executionKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: executionKeys.trail(id) });
      return queryClient.invalidateQueries({ queryKey: executionKeys.lists() });
    },
  });
};
