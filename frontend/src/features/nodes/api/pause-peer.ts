import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

export const pausePeer = async ({ id }: { id: string }): Promise<void> => {
  await api.post<void>(`/api/forwarding/peers/${encodeURIComponent(id)}/pause`, {});
};

export const usePausePeer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pausePeer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.peerLists() }),
  });
};
