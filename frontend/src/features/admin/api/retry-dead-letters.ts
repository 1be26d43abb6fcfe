import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ProjectionStatus, RetryOutcome } from '../types';
import { adminKeys } from './admin-keys';
import { replaceStatus } from './rebuild-projection';

export type RetryDeadLettersInput = { name: string };

/** `POST /api/admin/projections/{name}/dead-letters/retry`: every waiting sequence once more, in order. */
export const retryDeadLetters = async ({ name }: RetryDeadLettersInput): Promise<RetryOutcome> => {
  const { data } = await api.post<RetryOutcome>(`/api/admin/projections/${encodeURIComponent(name)}/dead-letters/retry`);
  return data;
};

export const useRetryDeadLetters = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryDeadLetters,
    onSuccess: (outcome) => {
      queryClient.setQueryData<ProjectionStatus[]>(adminKeys.projections(), (list) => replaceStatus(list, outcome.status));
      return queryClient.invalidateQueries({ queryKey: adminKeys.projections() });
    },
  });
};
