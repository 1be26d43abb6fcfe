import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { nodesKeys } from './nodes-keys';

export type RegisterSourceInput = { nodeId: string; publicKey: string; name?: string };

export const registerSource = async ({ nodeId, publicKey, name }: RegisterSourceInput): Promise<{ id: string; version: number }> => {
  const body = { nodeId: nodeId.trim(), publicKey: publicKey.trim(), ...(name?.trim() ? { name: name.trim() } : {}) };
  const { data } = await api.post<{ id: string; version: number }>('/api/forwarding/sources', body);
  return data;
};

export const useRegisterSource = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerSource,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.sourceLists() }),
  });
};
