import { describe, expect, it } from 'vitest';
import { anAssertion, anAttestation, creationOptionsJson, requestOptionsJson } from '@/testing/fake-webauthn';
import {
  base64UrlDecode,
  base64UrlEncode,
  rpIdMatchesHost,
  serializeAssertion,
  serializeAttestation,
  toCreationOptions,
  toRequestOptions,
  webAuthnErrorMessage,
  type AssertionLike,
  type AttestationLike,
} from './webauthn';

const bytesOf = (buffer: ArrayBuffer | BufferSource) => [...new Uint8Array(buffer as ArrayBuffer)];

describe('base64url', () => {
  it('encodes without padding, with - and _ instead of + and /', () => {
    expect(base64UrlEncode(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(base64UrlEncode(new Uint8Array([1]))).toBe('AQ');
    expect(base64UrlEncode(new Uint8Array([1, 2]))).toBe('AQI');
    expect(base64UrlEncode(new Uint8Array([]))).toBe('');
  });

  it('round-trips every byte value, whatever the length', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const length of [0, 1, 2, 3, 4, 5, 31, 32, 33, 256]) {
      const slice = all.slice(0, length);
      expect(bytesOf(base64UrlDecode(base64UrlEncode(slice)))).toEqual([...slice]);
    }
  });

  it('round-trips random buffers and text both ways', () => {
    for (let run = 0; run < 20; run++) {
      const random = crypto.getRandomValues(new Uint8Array(1 + run * 7));
      const encoded = base64UrlEncode(random.buffer);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(bytesOf(base64UrlDecode(encoded))).toEqual([...random]);
      expect(base64UrlEncode(base64UrlDecode(encoded))).toBe(encoded);
    }
  });

  it('encodes only the viewed part of a typed array', () => {
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    expect(base64UrlEncode(view)).toBe(base64UrlEncode(new Uint8Array([1, 2, 3])));
  });

  it('decodes padded and plain base64 too', () => {
    expect(bytesOf(base64UrlDecode('AQ=='))).toEqual([1]);
    expect(bytesOf(base64UrlDecode('+/+/'))).toEqual(bytesOf(base64UrlDecode('-_-_')));
  });
});

describe('options from the node', () => {
  it('turns the request challenge and allowed credential ids into buffers', () => {
    const options = toRequestOptions({ ...requestOptionsJson(), allowCredentials: [{ type: 'public-key', id: 'BAUG' }] });

    expect(bytesOf(options.challenge)).toEqual([1, 2, 3]);
    expect(bytesOf(options.allowCredentials![0].id)).toEqual([4, 5, 6]);
    expect(options.rpId).toBe('localhost');
    expect(options.userVerification).toBe('preferred');
  });

  it('turns the creation challenge, user id and excluded ids into buffers and drops nulls', () => {
    const options = toCreationOptions(creationOptionsJson());

    expect(bytesOf(options.challenge)).toEqual([4, 5, 6]);
    expect(bytesOf(options.user.id)).toEqual([170, 187, 204]);
    expect(options.user.name).toBe('ada@example.com');
    expect(bytesOf(options.excludeCredentials![0].id)).toEqual([1, 2, 3]);
    expect(options.authenticatorSelection).toEqual({ residentKey: 'required', userVerification: 'preferred' });
    expect(options.pubKeyCredParams).toEqual([{ type: 'public-key', alg: -7 }]);
  });
});

describe('credentials to the node', () => {
  it('serializes an assertion the way WebAuthnAuthenticationFilter reads it', () => {
    expect(serializeAssertion(anAssertion() as AssertionLike)).toEqual({
      id: 'cred-1',
      rawId: base64UrlEncode(new Uint8Array([1, 2, 3, 250])),
      response: {
        authenticatorData: 'CQgH',
        clientDataJSON: base64UrlEncode(new TextEncoder().encode('{"type":"webauthn.get"}')),
        signature: '__79',
        userHandle: 'Kg',
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      type: 'public-key',
    });
  });

  it('leaves out a missing user handle and attachment', () => {
    const assertion = anAssertion({ authenticatorAttachment: null }) as AssertionLike;
    assertion.response.userHandle = null;

    const json = serializeAssertion(assertion);

    expect(json.response).not.toHaveProperty('userHandle');
    expect(json).not.toHaveProperty('authenticatorAttachment');
  });

  it('serializes a new credential with its transports', () => {
    expect(serializeAttestation(anAttestation() as AttestationLike)).toEqual({
      id: 'new-cred',
      rawId: 'BQYH',
      response: {
        attestationObject: 'oKE',
        clientDataJSON: base64UrlEncode(new TextEncoder().encode('{"type":"webauthn.create"}')),
        transports: ['usb', 'nfc'],
      },
      type: 'public-key',
      clientExtensionResults: { credProps: { rk: true } },
      authenticatorAttachment: 'cross-platform',
    });
  });
});

describe('relying party and errors', () => {
  it.each([
    ['localhost', 'localhost', true],
    ['orchwiz.example.com', 'orchwiz.example.com', true],
    ['example.com', 'orchwiz.example.com', true],
    ['orchwiz.example.com', 'example.com', false],
    ['example.com', 'badexample.com', false],
    ['localhost', '127.0.0.1', false],
  ])('rpId %s on host %s: %s', (rpId, host, matches) => {
    expect(rpIdMatchesHost(rpId, host)).toBe(matches);
  });

  it('explains a SecurityError with the rpId and the origin', () => {
    const message = webAuthnErrorMessage(new DOMException('bad rp', 'SecurityError'), {
      ceremony: 'sign-in',
      rpId: 'orchwiz.example.com',
      origin: 'http://10.0.0.5:8080',
    });

    expect(message).toBe(
      "This node's passkeys belong to orchwiz.example.com; open it at an address on that domain — see docs/reverse-proxy.md. This page is at http://10.0.0.5:8080.",
    );
  });

  it('calls NotAllowedError cancelled or timed out, and leaves unknown errors to the caller', () => {
    expect(webAuthnErrorMessage(new DOMException('x', 'NotAllowedError'), { ceremony: 'sign-in', origin: 'o' })).toMatch(
      /cancelled or timed out/,
    );
    expect(webAuthnErrorMessage(new Error('boom'), { ceremony: 'sign-in', origin: 'o' })).toBeUndefined();
  });
});
