/**
 * WebAuthn between the browser and Spring Security: the node sends options with every binary field as
 * base64url; `navigator.credentials` wants ArrayBuffers; the answer goes back as base64url JSON.
 */

type Bytes = ArrayBuffer | ArrayBufferView;

// isView rather than instanceof: buffers may come from another realm (an iframe, a test environment).
const toUint8Array = (bytes: Bytes): Uint8Array =>
  ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);

/** Bytes → base64url without padding (RFC 4648 §5), as Spring Security reads and writes them. */
export const base64UrlEncode = (bytes: Bytes): string => {
  let binary = '';
  for (const byte of toUint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** base64url (padded or not; plain base64 is accepted too) → a fresh ArrayBuffer. */
export const base64UrlDecode = (value: string): ArrayBuffer => {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
};

type Json = Record<string, unknown>;

/** `null` members are left out: the browser reads a dictionary member set to null as the string "null". */
const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as Json)
      .filter(([, member]) => member !== null && member !== undefined)
      .map(([key, member]) => [key, withoutNulls(member)]),
  );
};

type CredentialDescriptorJson = { id: string; type?: string; transports?: string[] };

const decodeDescriptors = (descriptors: unknown): PublicKeyCredentialDescriptor[] =>
  Array.isArray(descriptors)
    ? (descriptors as CredentialDescriptorJson[]).map((descriptor) => ({
        ...descriptor,
        type: 'public-key',
        id: base64UrlDecode(descriptor.id),
      })) as PublicKeyCredentialDescriptor[]
    : [];

/** `PublicKeyCredentialCreationOptions` JSON (from `POST /webauthn/register/options`) → what `credentials.create` takes. */
export const toCreationOptions = (json: unknown): PublicKeyCredentialCreationOptions => {
  const options = withoutNulls(json) as Json & { challenge: string; user: Json & { id: string } };
  return {
    ...options,
    challenge: base64UrlDecode(options.challenge),
    user: { ...options.user, id: base64UrlDecode(options.user.id) },
    excludeCredentials: decodeDescriptors(options.excludeCredentials),
  } as unknown as PublicKeyCredentialCreationOptions;
};

/** `PublicKeyCredentialRequestOptions` JSON (from `POST /webauthn/authenticate/options`) → what `credentials.get` takes. */
export const toRequestOptions = (json: unknown): PublicKeyCredentialRequestOptions => {
  const options = withoutNulls(json) as Json & { challenge: string };
  return {
    ...options,
    challenge: base64UrlDecode(options.challenge),
    allowCredentials: decodeDescriptors(options.allowCredentials),
  } as unknown as PublicKeyCredentialRequestOptions;
};

/** The parts of a `PublicKeyCredential` that are serialized (so test doubles need not be real ones). */
type CredentialLike = {
  id: string;
  rawId: ArrayBuffer;
  type: string;
  authenticatorAttachment?: string | null;
  getClientExtensionResults?: () => unknown;
};

export type AssertionLike = CredentialLike & {
  response: { authenticatorData: ArrayBuffer; clientDataJSON: ArrayBuffer; signature: ArrayBuffer; userHandle?: ArrayBuffer | null };
};

export type AttestationLike = CredentialLike & {
  response: { attestationObject: ArrayBuffer; clientDataJSON: ArrayBuffer; getTransports?: () => string[] };
};

export type AssertionJson = {
  id: string;
  rawId: string;
  response: { authenticatorData: string; clientDataJSON: string; signature: string; userHandle?: string };
  clientExtensionResults: unknown;
  authenticatorAttachment?: string;
  type: 'public-key';
};

export type AttestationJson = {
  id: string;
  rawId: string;
  response: { attestationObject: string; clientDataJSON: string; transports: string[] };
  type: 'public-key';
  clientExtensionResults: unknown;
  authenticatorAttachment?: string;
};

const common = (credential: CredentialLike) => ({
  clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
  ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
});

/** An assertion as Spring Security's `WebAuthnAuthenticationFilter` reads it (`POST /login/webauthn`). */
export const serializeAssertion = (credential: AssertionLike): AssertionJson => {
  const { response } = credential;
  return {
    id: credential.id,
    rawId: base64UrlEncode(credential.rawId),
    response: {
      authenticatorData: base64UrlEncode(response.authenticatorData),
      clientDataJSON: base64UrlEncode(response.clientDataJSON),
      signature: base64UrlEncode(response.signature),
      ...(response.userHandle ? { userHandle: base64UrlEncode(response.userHandle) } : {}),
    },
    ...common(credential),
    type: 'public-key',
  };
};

/** A new credential as Spring Security's `WebAuthnRegistrationFilter` reads it (`publicKey.credential`). */
export const serializeAttestation = (credential: AttestationLike): AttestationJson => {
  const { response } = credential;
  return {
    id: credential.id,
    rawId: base64UrlEncode(credential.rawId),
    response: {
      attestationObject: base64UrlEncode(response.attestationObject),
      clientDataJSON: base64UrlEncode(response.clientDataJSON),
      transports: response.getTransports?.() ?? [],
    },
    type: 'public-key',
    ...common(credential),
  };
};

/** Passkeys need the WebAuthn API, which browsers offer only in a secure context (HTTPS or localhost). */
export const isWebAuthnAvailable = (): boolean =>
  typeof window !== 'undefined' &&
  typeof window.PublicKeyCredential !== 'undefined' &&
  typeof navigator !== 'undefined' &&
  typeof navigator.credentials?.get === 'function' &&
  typeof navigator.credentials?.create === 'function';

/** Whether a page on `hostname` may use passkeys of relying party `rpId` (the same domain or a subdomain of it). */
export const rpIdMatchesHost = (rpId: string, hostname: string): boolean => {
  const rp = rpId.toLowerCase();
  const host = hostname.toLowerCase();
  return host === rp || host.endsWith(`.${rp}`);
};

/** "Passkey on macOS", from what the browser tells about its platform. */
export const defaultPasskeyLabel = (): string => {
  if (typeof navigator === 'undefined') return 'Passkey';
  const hinted = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform;
  const agent = `${hinted ?? ''} ${navigator.userAgent ?? ''}`;
  const platform = [
    [/iPhone/i, 'iPhone'],
    [/iPad/i, 'iPad'],
    [/Android/i, 'Android'],
    [/Mac/i, 'macOS'],
    [/Win/i, 'Windows'],
    [/CrOS|Chrome ?OS/i, 'ChromeOS'],
    [/Linux/i, 'Linux'],
  ].find(([pattern]) => (pattern as RegExp).test(agent))?.[1] as string | undefined;
  return platform ? `Passkey on ${platform}` : 'Passkey on this device';
};

export type WebAuthnCeremony = 'sign-in' | 'registration';

export type WebAuthnErrorContext = { ceremony: WebAuthnCeremony; rpId?: string | null; origin: string };

/** What went wrong in `navigator.credentials.get/create`, in words a person can act on. */
export const webAuthnErrorMessage = (error: unknown, { ceremony, rpId, origin }: WebAuthnErrorContext): string | undefined => {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const what = ceremony === 'sign-in' ? 'Passkey sign-in' : 'Adding the passkey';
  switch (name) {
    case 'NotAllowedError':
    case 'AbortError':
      return `${what} was cancelled or timed out. Try again when your authenticator is ready.`;
    case 'SecurityError':
      return rpId
        ? `This node's passkeys belong to ${rpId}; open it at an address on that domain — see docs/reverse-proxy.md. This page is at ${origin}.`
        : `The browser refused passkeys for ${origin}: the address does not match the node's passkey domain — see docs/reverse-proxy.md.`;
    case 'InvalidStateError':
      return ceremony === 'registration'
        ? 'This authenticator already holds a passkey for your account.'
        : `${what} failed: the authenticator is in an invalid state.`;
    case 'NotSupportedError':
      return 'This authenticator does not support what the node asks for (algorithm or resident key).';
    default:
      return undefined;
  }
};

export const WEBAUTHN_UNAVAILABLE_MESSAGE =
  'This browser cannot use passkeys here: it has no WebAuthn support, or the page is not on a secure address (HTTPS or localhost).';
