import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import { accountKeys } from './account-keys';

export const unlinkGithub = async (): Promise<void> => {
  await api.delete<void>('/api/me/github');
};

export const useUnlinkGithub = () => useWriteThenRefresh(unlinkGithub, accountKeys.github());
