import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

export const rotateNodeKey = async (): Promise<{ keyId: string }> => {
  const { data } = await api.post<{ keyId: string }>('/api/nodes/self/keys/rotate');
  return data;
};

export const useRotateNodeKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateNodeKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.self() }),
  });
};
