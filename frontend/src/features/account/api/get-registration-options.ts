import { api } from '@/lib/api-client';

/** `POST /webauthn/register/options`: a `PublicKeyCredentialCreationOptions` JSON with base64url fields. */
export const getRegistrationOptions = async (): Promise<unknown> => {
  const { data } = await api.post<unknown>('/webauthn/register/options');
  return data;
};
