import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `POST /api/me/sign-out-everywhere`: every session of this user ends, this one too. */
export const signOutEverywhere = async (): Promise<void> => {
  await api.post<void>('/api/me/sign-out-everywhere');
};

export const useSignOutEverywhere = () => useMutation({ mutationFn: signOutEverywhere });
