import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { accountKeys } from './account-keys';

export const unlinkGithub = async (): Promise<void> => {
  await api.delete<void>('/api/me/github');
};

export const useUnlinkGithub = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlinkGithub,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.github() }),
  });
};
