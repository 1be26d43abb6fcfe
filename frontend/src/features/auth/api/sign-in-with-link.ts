import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AuthState, SignInResult } from '../types';
import { reloadSignedInState } from './get-auth-state';

export type SignInWithLinkInput = { token: string };

/** `POST /login/ott` with the form body `token=…` (Spring Security's one-time-token filter). */
export const signInWithLink = async ({ token }: SignInWithLinkInput): Promise<SignInResult> => {
  const { data } = await api.post<SignInResult>('/login/ott', new URLSearchParams({ token }));
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
