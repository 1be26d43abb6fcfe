import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

export const resumePeer = async ({ id }: { id: string }): Promise<void> => {
  await api.post<void>(`/api/forwarding/peers/${encodeURIComponent(id)}/resume`, {});
};

export const useResumePeer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resumePeer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.peerLists() }),
  });
};
