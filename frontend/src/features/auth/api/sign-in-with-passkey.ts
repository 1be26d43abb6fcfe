import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { serializeAssertion, toRequestOptions, type AssertionLike } from '@/lib/webauthn';
import type { SignInResult } from '../types';
import { getAuthenticationOptions } from './get-authentication-options';
import { reloadSignedInState } from './get-auth-state';

/** Thrown when the browser hands back no credential at all. */
export class NoCredentialError extends Error {
  constructor() {
    super('The browser returned no passkey.');
    this.name = 'NoCredentialError';
  }
}

export type SignInWithPasskeyInput = { rememberMe?: boolean };

/**
 * The whole passkey ceremony: options from the node, `navigator.credentials.get`, then the assertion
 * as JSON to `POST /login/webauthn` (with `?remember-me=true` to keep the browser signed in).
 */
export const signInWithPasskey = async ({ rememberMe = false }: SignInWithPasskeyInput = {}): Promise<SignInResult> => {
  const publicKey = toRequestOptions(await getAuthenticationOptions());
  const credential = (await navigator.credentials.get({ publicKey })) as unknown as AssertionLike | null;
  if (!credential) throw new NoCredentialError();
  const path = rememberMe ? '/login/webauthn?remember-me=true' : '/login/webauthn';
  const { data } = await api.post<SignInResult>(path, serializeAssertion(credential));
  return data ?? { authenticated: true };
};

export const useSignInWithPasskey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInWithPasskeyInput = {}) => {
      const result = await signInWithPasskey(input);
      await reloadSignedInState(queryClient);
      return result;
    },
  });
};
