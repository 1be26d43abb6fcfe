import { vi } from 'vitest';

const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const text = (value: string) => new TextEncoder().encode(value).buffer as ArrayBuffer;

/** An assertion as `navigator.credentials.get` resolves it (only the parts the app reads). */
export const anAssertion = (overrides: Record<string, unknown> = {}) => ({
  id: 'cred-1',
  rawId: bytes(1, 2, 3, 250),
  type: 'public-key',
  authenticatorAttachment: 'platform',
  response: {
    authenticatorData: bytes(9, 8, 7),
    clientDataJSON: text('{"type":"webauthn.get"}'),
    signature: bytes(255, 254, 253),
    userHandle: bytes(42),
  },
  getClientExtensionResults: () => ({}),
  ...overrides,
});

/** A new credential as `navigator.credentials.create` resolves it. */
export const anAttestation = (overrides: Record<string, unknown> = {}) => ({
  id: 'new-cred',
  rawId: bytes(5, 6, 7),
  type: 'public-key',
  authenticatorAttachment: 'cross-platform',
  response: {
    attestationObject: bytes(160, 161),
    clientDataJSON: text('{"type":"webauthn.create"}'),
    getTransports: () => ['usb', 'nfc'],
  },
  getClientExtensionResults: () => ({ credProps: { rk: true } }),
  ...overrides,
});

export const requestOptionsJson = () => ({
  challenge: 'AQID',
  timeout: 300000,
  rpId: 'localhost',
  allowCredentials: [],
  userVerification: 'preferred',
  extensions: {},
});

export const creationOptionsJson = () => ({
  rp: { name: 'OrchWiz', id: 'localhost' },
  user: { name: 'ada@example.com', id: 'qrvM', displayName: 'Ada' },
  challenge: 'BAUG',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  timeout: 300000,
  excludeCredentials: [{ type: 'public-key', id: 'AQID' }],
  authenticatorSelection: { residentKey: 'required', userVerification: 'preferred', authenticatorAttachment: null },
  attestation: 'none',
  extensions: { credProps: true },
});

export const domException = (name: string, message = name) => new DOMException(message, name);

/** Installs `PublicKeyCredential` and a `navigator.credentials` whose get/create the test drives. */
export const installFakeWebAuthn = () => {
  const get = vi.fn();
  const create = vi.fn();
  vi.stubGlobal('PublicKeyCredential', class PublicKeyCredential {});
  Object.defineProperty(navigator, 'credentials', { value: { get, create }, configurable: true, writable: true });
  return { get, create };
};

/** A browser without WebAuthn. */
export const removeWebAuthn = () => {
  vi.stubGlobal('PublicKeyCredential', undefined);
  Object.defineProperty(navigator, 'credentials', { value: undefined, configurable: true, writable: true });
};
