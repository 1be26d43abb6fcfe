import { api } from '@/lib/api-client';

/** `POST /webauthn/authenticate/options`: a `PublicKeyCredentialRequestOptions` JSON with base64url fields. */
export const getAuthenticationOptions = async (): Promise<unknown> => {
  const { data } = await api.post<unknown>('/webauthn/authenticate/options');
  return data;
};
