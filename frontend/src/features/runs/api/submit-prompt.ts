import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { loadAtVersion } from '@/lib/read-your-writes';
import type { PromptResult, RunView } from '../types';
import { findRun } from './find-run';
import { runKeys } from './run-keys';

export type SubmitPromptInput = { sessionId: string; text: string; runtime?: string; model?: string };

/**
 * `POST /api/sessions/{id}/prompt`: records the prompt and, when the node has a runtime, starts a run
 * answering it (`202` with `runId` and `traceId`); without one the prompt is only recorded (`200`).
 */
export const submitPrompt = async ({ sessionId, text, runtime, model }: SubmitPromptInput): Promise<PromptResult> => {
  const body: Record<string, string> = { text };
  if (runtime) body.runtime = runtime;
  if (model?.trim()) body.model = model.trim();
  const { data } = await api.post<PromptResult>(`/api/sessions/${encodeURIComponent(sessionId)}/prompt`, body);
  return data;
};

export type UseSubmitPromptOptions = { onWritten?: (result: PromptResult) => void };

/**
 * After the prompt: the session shows it (`onWritten`), and the new run is read as soon as the read
 * side has it, so the conversation shows it at once instead of waiting for the next event.
 */
export const useSubmitPrompt = ({ onWritten }: UseSubmitPromptOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitPrompt,
    onSuccess: async (result, { sessionId }) => {
      onWritten?.(result);
      const { runId } = result;
      if (runId) {
        try {
          const run = await loadAtVersion(() => findRun(runId), 0);
          queryClient.setQueryData<RunView>(runKeys.detail(runId), (cached) => cached ?? run);
        } catch {
          // The run is started; the event stream or the next refetch brings it.
        }
      }
      await queryClient.invalidateQueries({ queryKey: [...runKeys.sessionLists(), sessionId] });
    },
  });
};
