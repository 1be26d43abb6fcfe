import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { LinkSent } from '../types';

export type RequestEmailLinkInput = { email: string; rememberMe?: boolean };

/**
 * `POST /api/auth/email-link`: the same answer whether or not the address may sign in. `rememberMe` travels in the
 * link, whose page offers the choice again.
 */
export const requestEmailLink = async ({ email, rememberMe = false }: RequestEmailLinkInput): Promise<LinkSent> => {
  const body = rememberMe ? { email: email.trim(), rememberMe: true } : { email: email.trim() };
  const { data } = await api.post<LinkSent>('/api/auth/email-link', body);
  return data ?? { sent: true };
};

export const useRequestEmailLink = () => useMutation({ mutationFn: requestEmailLink });
