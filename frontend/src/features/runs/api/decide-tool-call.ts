import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { runKeys } from './run-keys';

/** What a decision needs of a tool call: the input exactly as it will run, and the hash that binds the decision to it. */
export type ToolCallToDecide = { id: string; status: string; input: Record<string, unknown> | null; inputHash: string | null };

/** `GET /api/tool-calls/{id}`, read for its input and input hash. */
export const findToolCallToDecide = async (id: string, signal?: AbortSignal): Promise<ToolCallToDecide> => {
  const { data } = await api.get<ToolCallToDecide>(`/api/tool-calls/${encodeURIComponent(id)}`, { signal });
  return data;
};

export const useToolCallToDecide = (id: string) =>
  useQuery({ queryKey: runKeys.toolCall(id), queryFn: ({ signal }) => findToolCallToDecide(id, signal) });

export type DecideToolCallInput = { toolCallId: string; runId: string; decision: 'approve' | 'deny'; inputHash: string };

/** `POST /api/tool-calls/{id}/decision`: the hash proves the decision is about the input that was shown. */
export const decideToolCall = async ({ toolCallId, decision, inputHash }: DecideToolCallInput): Promise<unknown> => {
  const { data } = await api.post<unknown>(`/api/tool-calls/${encodeURIComponent(toolCallId)}/decision`, { decision, inputHash });
  return data;
};

/** After the decision (or its refusal: the call changed meanwhile) the call and its run are read again. */
export const useDecideToolCall = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideToolCall,
    onSettled: (_result, _error, { toolCallId, runId }) => {
      void queryClient.invalidateQueries({ queryKey: runKeys.toolCall(toolCallId) });
      return refreshNowAndSoon(queryClient, runKeys.detail(runId));
    },
  });
};
