import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

export const removeSource = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/forwarding/sources/${encodeURIComponent(id)}`);
};

export const useRemoveSource = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeSource,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.sourceLists() }),
  });
};
