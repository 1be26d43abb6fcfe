import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import type { StartedRun } from '../types';
import { commandKeys } from './command-keys';

export type ExecuteCommandInput = { id: string; arguments?: string; sessionId?: string; subagentId?: string };

/** `POST /api/slash-commands/{id}/execute`: 202 with the run, which starts, asks for approval or is refused. */
export const executeCommand = async ({ id, ...options }: ExecuteCommandInput): Promise<StartedRun> => {
  const body: Omit<ExecuteCommandInput, 'id'> = {};
  if (options.arguments?.trim()) body.arguments = options.arguments;
  if (options.sessionId) body.sessionId = options.sessionId;
  if (options.subagentId) body.subagentId = options.subagentId;
  const { data } = await api.post<StartedRun>(`/api/slash-commands/${encodeURIComponent(id)}/execute`, body);
  return data;
};

export const useExecuteCommand = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: executeCommand,
    onSuccess: (_, { id }) => {
      void queryClient.invalidateQueries({ queryKey: commandKeys.detail(id) });
      return refreshNowAndSoon(queryClient, commandKeys.lists());
    },
  });
};
