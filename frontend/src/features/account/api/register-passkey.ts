import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import { serializeAttestation, toCreationOptions, type AttestationLike } from '@/lib/webauthn';
import { accountKeys } from './account-keys';
import { getRegistrationOptions } from './get-registration-options';

export type RegisterPasskeyInput = { label: string };

export class RegistrationRefusedError extends Error {
  constructor(message = 'The node did not accept the new passkey.') {
    super(message);
    this.name = 'RegistrationRefusedError';
  }
}

/**
 * Options from the node, `navigator.credentials.create`, then `POST /webauthn/register` with
 * `{"publicKey":{"credential":…,"label":…}}` as Spring Security's registration filter reads it.
 */
export const registerPasskey = async ({ label }: RegisterPasskeyInput): Promise<void> => {
  const publicKey = toCreationOptions(await getRegistrationOptions());
  const credential = (await navigator.credentials.create({ publicKey })) as unknown as AttestationLike | null;
  if (!credential) throw new RegistrationRefusedError('The browser created no passkey.');
  const { data } = await api.post<{ success?: boolean }>('/webauthn/register', {
    publicKey: { credential: serializeAttestation(credential), label: label.trim() },
  });
  if (data && data.success === false) throw new RegistrationRefusedError();
};

export const useRegisterPasskey = () => useWriteThenRefresh(registerPasskey, accountKeys.passkeys());
