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

/**
 * The whole passkey ceremony: options from the node, `navigator.credentials.get`, then the assertion
 * as JSON to `POST /login/webauthn`.
 */
export const signInWithPasskey = async (): Promise<SignInResult> => {
  const publicKey = toRequestOptions(await getAuthenticationOptions());
  const credential = (await navigator.credentials.get({ publicKey })) as unknown as AssertionLike | null;
  if (!credential) throw new NoCredentialError();
  const { data } = await api.post<SignInResult>('/login/webauthn', serializeAssertion(credential));
  return data ?? { authenticated: true };
};

export const useSignInWithPasskey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await signInWithPasskey();
      await reloadSignedInState(queryClient);
      return result;
    },
  });
};
