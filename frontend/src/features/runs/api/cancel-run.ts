import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RunWriteResult } from '../types';
import { refreshRun } from './find-run';
import { runKeys } from './run-keys';

/** `POST /api/runs/{runId}/cancel`: the run stops at its next step; a call in flight is cancelled too. */
export const cancelRun = async (id: string): Promise<RunWriteResult> => {
  const { data } = await api.post<RunWriteResult>(`/api/runs/${encodeURIComponent(id)}/cancel`);
  return data;
};

export const useCancelRun = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelRun,
    onSuccess: async (result, id) => {
      void queryClient.invalidateQueries({ queryKey: runKeys.sessionLists() });
      try {
        await refreshRun(queryClient, id, result?.version);
      } catch {
        // The cancel was taken; the run's page keeps what it has until the next event.
      }
    },
  });
};
