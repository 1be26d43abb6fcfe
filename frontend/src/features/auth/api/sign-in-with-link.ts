import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AuthState, SignInResult } from '../types';
import { reloadSignedInState } from './get-auth-state';

export type SignInWithLinkInput = { token: string; rememberMe?: boolean };

/** `POST /login/ott` with the form body `token=…` (Spring Security's one-time-token filter), `&remember-me=true`. */
export const signInWithLink = async ({ token, rememberMe = false }: SignInWithLinkInput): Promise<SignInResult> => {
  const form = new URLSearchParams({ token });
  if (rememberMe) form.set('remember-me', 'true');
  const { data } = await api.post<SignInResult>('/login/ott', form);
  return data ?? { authenticated: true };
};

export type LinkSignInOutcome = { result: SignInResult; state: AuthState };

export const useSignInWithLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInWithLinkInput): Promise<LinkSignInOutcome> => {
      const result = await signInWithLink(input);
      return { result, state: await reloadSignedInState(queryClient) };
    },
  });
};
