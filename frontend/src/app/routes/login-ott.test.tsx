import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aMe, anAuthState, clearXsrfCookie, setXsrfCookie, signedOutState } from '@/testing/auth-fixtures';
import { anAttestation, creationOptionsJson, installFakeWebAuthn } from '@/testing/fake-webauthn';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { LoginOttRoute } from './login-ott';

const renderOtt = (route = '/login/ott?token=tok-123') => renderWithProviders(<LoginOttRoute />, { route, path: '/login/ott' });

const signInHandlers = ({ newUser, passkeys }: { newUser: boolean; passkeys: number }) => {
  let signedIn = false;
  return {
    'GET /api/auth/state': () => jsonResponse(signedIn ? anAuthState({ user: aMe({ passkeys }) }) : signedOutState()),
    'POST /login/ott': () => {
      signedIn = true;
      return jsonResponse({ authenticated: true, redirectUrl: '/', newUser });
    },
  };
};

beforeEach(() => {
  localStorage.clear();
  setXsrfCookie('xsrf-ott');
});

afterEach(() => clearXsrfCookie());

describe('LoginOttRoute', () => {
  it('waits for a click: a mail scanner opening the link uses nothing up', async () => {
    const api = mockApi(signInHandlers({ newUser: false, passkeys: 1 }));

    renderOtt('/login/ott?token=tok-123&email=ada%40example.com');

    expect(await screen.findByTestId('ott-submit')).toHaveTextContent('Sign in as ada@example.com');
    expect(api.callsTo('POST', '/login/ott')).toHaveLength(0);
  });

  it('offers the choice to stay signed in again, ticked when the link carries it, and sends it', async () => {
    const api = mockApi(signInHandlers({ newUser: false, passkeys: 1 }));
    const { user } = renderOtt('/login/ott?token=tok-123&remember-me=true');

    expect(await screen.findByTestId('ott-remember-me')).toBeChecked();
    await user.click(screen.getByTestId('ott-submit'));

    await waitFor(() => expect(api.callsTo('POST', '/login/ott')).toHaveLength(1));
    expect(api.callsTo('POST', '/login/ott')[0].body).toEqual({ token: 'tok-123', 'remember-me': 'true' });
  });

  it('signs a new user in and offers a passkey, then registers one', async () => {
    const { create } = installFakeWebAuthn();
    create.mockResolvedValue(anAttestation());
    localStorage.setItem('orchwiz.return-to', '/sessions/s9');
    const api = mockApi({
      ...signInHandlers({ newUser: true, passkeys: 0 }),
      'POST /webauthn/register/options': () => jsonResponse(creationOptionsJson()),
      'POST /webauthn/register': () => jsonResponse({ success: true }),
      'GET /api/me/passkeys': () => jsonResponse([]),
    });
    const { user } = renderOtt();

    await user.click(await screen.findByTestId('ott-submit'));

    expect(await screen.findByTestId('welcome')).toHaveTextContent('Welcome to OrchWiz');
    const signIn = api.callsTo('POST', '/login/ott')[0];
    expect(signIn.headers.get('Content-Type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(signIn.headers.get('X-XSRF-TOKEN')).toBe('xsrf-ott');
    expect(signIn.body).toEqual({ token: 'tok-123' });
    expect(screen.getByTestId('welcome-skip')).toBeInTheDocument();

    await user.click(screen.getByTestId('welcome-add-passkey'));
    const label = screen.getByTestId('passkey-label-input');
    expect((label as HTMLInputElement).value).toMatch(/^Passkey on /);
    await user.clear(label);
    await user.type(label, 'Work laptop');
    await user.click(screen.getByTestId('passkey-register-submit'));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/sessions\/s9$/));
    const publicKey = create.mock.calls[0][0].publicKey;
    expect([...new Uint8Array(publicKey.user.id)]).toEqual([170, 187, 204]);
    expect([...new Uint8Array(publicKey.excludeCredentials[0].id)]).toEqual([1, 2, 3]);
    const register = api.callsTo('POST', '/webauthn/register')[0];
    expect(register.headers.get('X-XSRF-TOKEN')).toBe('xsrf-ott');
    expect(register.body).toEqual({
      publicKey: {
        credential: {
          id: 'new-cred',
          rawId: 'BQYH',
          response: { attestationObject: 'oKE', clientDataJSON: expect.any(String), transports: ['usb', 'nfc'] },
          type: 'public-key',
          clientExtensionResults: { credProps: { rk: true } },
          authenticatorAttachment: 'cross-platform',
        },
        label: 'Work laptop',
      },
    });
    expect(localStorage.getItem('orchwiz.return-to')).toBeNull();
  });

  it('lets the new user skip the passkey for now', async () => {
    mockApi(signInHandlers({ newUser: true, passkeys: 0 }));
    const { user } = renderOtt();

    await user.click(await screen.findByTestId('ott-submit'));
    await user.click(await screen.findByTestId('welcome-skip'));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });

  it('offers a passkey to a returning user who has none', async () => {
    mockApi(signInHandlers({ newUser: false, passkeys: 0 }));
    const { user } = renderOtt();

    await user.click(await screen.findByTestId('ott-submit'));

    expect(await screen.findByTestId('welcome-add-passkey')).toBeInTheDocument();
  });

  it('goes straight on for a user who already has a passkey', async () => {
    mockApi(signInHandlers({ newUser: false, passkeys: 2 }));
    const { user } = renderOtt();

    await user.click(await screen.findByTestId('ott-submit'));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
    expect(screen.queryByTestId('welcome')).not.toBeInTheDocument();
  });

  it('explains a used or expired link and leads back to the login page', async () => {
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState()),
      'POST /login/ott': () => problemResponse({ status: 401, code: 'INVALID_LINK', title: 'Unauthorized' }),
    });
    const { user } = renderOtt();

    await user.click(await screen.findByTestId('ott-submit'));

    const invalid = await screen.findByTestId('ott-invalid');
    expect(invalid).toHaveTextContent('This link was already used or has expired; request a new one');
    await user.click(screen.getByTestId('ott-request-new'));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/);
  });

  it('says so when the link has no token', async () => {
    mockApi({});

    renderOtt('/login/ott');

    expect(await screen.findByText('This sign-in link is incomplete')).toBeInTheDocument();
    expect(screen.queryByTestId('ott-submit')).not.toBeInTheDocument();
  });
});
