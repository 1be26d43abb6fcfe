import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { LinkSent } from '../types';

export type RequestEmailLinkInput = { email: string };

/** `POST /api/auth/email-link`: the same answer whether or not the address may sign in. */
export const requestEmailLink = async ({ email }: RequestEmailLinkInput): Promise<LinkSent> => {
  const { data } = await api.post<LinkSent>('/api/auth/email-link', { email: email.trim() });
  return data ?? { sent: true };
};

export const useRequestEmailLink = () => useMutation({ mutationFn: requestEmailLink });
