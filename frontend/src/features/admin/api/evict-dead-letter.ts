import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import { adminKeys } from './admin-keys';

export type EvictDeadLetterInput = { name: string; eventId: string };

/** `DELETE /api/admin/projections/{name}/dead-letters/{eventId}` → 204; `404 DEAD_LETTER_NOT_FOUND` when gone. */
export const evictDeadLetter = async ({ name, eventId }: EvictDeadLetterInput): Promise<void> => {
  await api.delete<void>(`/api/admin/projections/${encodeURIComponent(name)}/dead-letters/${encodeURIComponent(eventId)}`);
};

export const isUnknownDeadLetter = (error: unknown): boolean => isApiError(error) && error.code === 'DEAD_LETTER_NOT_FOUND';

export const useEvictDeadLetter = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: evictDeadLetter,
    // A letter already gone (retried, or evicted by someone else) also means the list is stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.projections() }),
  });
};
