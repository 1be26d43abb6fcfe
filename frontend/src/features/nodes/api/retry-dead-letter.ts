import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

/** Sends the refused batch again now; the node answers 204 once the peer took it, a problem with its answer if not. */
export const retryDeadLetter = async ({ peerId, letterId }: { peerId: string; letterId: number }): Promise<void> => {
  await api.post<void>(`/api/forwarding/peers/${encodeURIComponent(peerId)}/dead-letters/${letterId}/retry`, {});
};

export const useRetryDeadLetter = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryDeadLetter,
    // The letter may be gone and the peer's counts changed, whether the retry worked or not.
    onSettled: () => queryClient.invalidateQueries({ queryKey: nodesKeys.peerLists() }),
  });
};
