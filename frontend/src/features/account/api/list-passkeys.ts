import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Passkey } from '../types';
import { accountKeys } from './account-keys';

export const listPasskeys = async (signal?: AbortSignal): Promise<Passkey[]> => {
  const { data } = await api.get<Passkey[]>('/api/me/passkeys', { signal });
  return data ?? [];
};

export const usePasskeys = () => useQuery({ queryKey: accountKeys.passkeys(), queryFn: ({ signal }) => listPasskeys(signal) });
