import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

/** Sends again from global index `position` (0: all history); the peer's inbox drops what it already has. */
export const resetPeer = async ({ id, position }: { id: string; position: number }): Promise<void> => {
  await api.post<void>(`/api/forwarding/peers/${encodeURIComponent(id)}/reset`, { position });
};

export const useResetPeer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPeer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.peerLists() }),
  });
};
