import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ToolCallDetail } from '../types';
import { toolCallKeys } from './tool-call-keys';

export type CancelToolCallInput = { id: string };

/** `POST /api/tool-calls/{id}/cancel`: answers the call as it is now. */
export const cancelToolCall = async ({ id }: CancelToolCallInput): Promise<ToolCallDetail> => {
  const { data } = await api.post<ToolCallDetail>(`/api/tool-calls/${encodeURIComponent(id)}/cancel`);
  return data;
};

export const useCancelToolCall = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelToolCall,
    onSuccess: (detail, { id }) => {
      if (detail && typeof detail === 'object' && detail.id === id) queryClient.setQueryData(toolCallKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: toolCallKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: toolCallKeys.trail(id) });
      return queryClient.invalidateQueries({ queryKey: toolCallKeys.lists() });
    },
  });
};
