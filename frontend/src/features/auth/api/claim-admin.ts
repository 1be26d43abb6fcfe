import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { LinkSent } from '../types';

export type ClaimAdminInput = { email: string; setupCode: string };

/** `POST /api/auth/claim-admin`: on a fresh node, the address becomes admin once its sign-in link is used. */
export const claimAdmin = async ({ email, setupCode }: ClaimAdminInput): Promise<LinkSent> => {
  const { data } = await api.post<LinkSent>('/api/auth/claim-admin', { email: email.trim(), setupCode: setupCode.trim() });
  return data ?? { sent: true };
};

export const useClaimAdmin = () => useMutation({ mutationFn: claimAdmin });
