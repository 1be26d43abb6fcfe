import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

export const removePeer = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/forwarding/peers/${encodeURIComponent(id)}`);
};

export const useRemovePeer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removePeer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.peerLists() }),
  });
};
