import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anAuthState, aMe, clearXsrfCookie, setXsrfCookie, signedOutState } from '@/testing/auth-fixtures';
import { anAssertion, domException, installFakeWebAuthn, removeWebAuthn, requestOptionsJson } from '@/testing/fake-webauthn';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { AuthState } from '../types';
import { LoginView } from './login-view';

const renderLogin = (route = '/login?next=%2Fsessions%2Fs1') => renderWithProviders(<LoginView />, { route, path: '/login' });

/** Signed out until a sign-in succeeded, then signed in: as the node answers `GET /api/auth/state`. */
const authStateHandler = (initial: Partial<AuthState> = {}) => {
  let signedIn = false;
  return {
    signIn: () => {
      signedIn = true;
    },
    handler: () => jsonResponse(signedIn ? anAuthState() : signedOutState(initial)),
  };
};

beforeEach(() => {
  localStorage.clear();
  setXsrfCookie('xsrf-1');
});

afterEach(() => clearXsrfCookie());

describe('LoginView: passkey', () => {
  it('signs in with a passkey and goes to the page the user wanted', async () => {
    const { get } = installFakeWebAuthn();
    get.mockResolvedValue(anAssertion());
    const state = authStateHandler();
    const api = mockApi({
      'GET /api/auth/state': state.handler,
      'POST /webauthn/authenticate/options': () => jsonResponse(requestOptionsJson()),
      'POST /login/webauthn': () => {
        state.signIn();
        return jsonResponse({ authenticated: true, redirectUrl: '/' });
      },
    });
    const { user } = renderLogin();

    await user.click(await screen.findByTestId('login-passkey'));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/sessions\/s1$/));
    const publicKey = get.mock.calls[0][0].publicKey;
    expect([...new Uint8Array(publicKey.challenge)]).toEqual([1, 2, 3]);
    expect(publicKey.rpId).toBe('localhost');
    const login = api.callsTo('POST', '/login/webauthn')[0];
    expect(login.headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
    expect(login.headers.get('Content-Type')).toBe('application/json');
    expect(login.body).toEqual({
      id: 'cred-1',
      rawId: 'AQID-g',
      response: {
        authenticatorData: 'CQgH',
        clientDataJSON: expect.any(String),
        signature: '__79',
        userHandle: 'Kg',
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      type: 'public-key',
    });
    expect(api.callsTo('POST', '/webauthn/authenticate/options')[0].headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
  });

  it('explains a SecurityError with the node rpId and this origin', async () => {
    installFakeWebAuthn().get.mockRejectedValue(domException('SecurityError', 'The operation is insecure.'));
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState({ rpId: 'orchwiz.example.com' })),
      'POST /webauthn/authenticate/options': () => jsonResponse({ ...requestOptionsJson(), rpId: 'orchwiz.example.com' }),
    });
    const { user } = renderLogin();

    await user.click(await screen.findByTestId('login-passkey'));

    const error = await screen.findByTestId('login-passkey-error');
    expect(error).toHaveTextContent(
      "This node's passkeys belong to orchwiz.example.com; open it at an address on that domain — see docs/reverse-proxy.md",
    );
    expect(error).toHaveTextContent(window.location.origin);
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  it('warns before any click when the page is not on the passkey domain', async () => {
    installFakeWebAuthn();
    mockApi({ 'GET /api/auth/state': () => jsonResponse(signedOutState({ rpId: 'orchwiz.example.com' })) });

    renderLogin();

    expect(await screen.findByTestId('passkey-domain-warning')).toHaveTextContent('orchwiz.example.com');
  });

  it('says a cancelled prompt was cancelled or timed out', async () => {
    installFakeWebAuthn().get.mockRejectedValue(domException('NotAllowedError'));
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState()),
      'POST /webauthn/authenticate/options': () => jsonResponse(requestOptionsJson()),
    });
    const { user } = renderLogin();

    await user.click(await screen.findByTestId('login-passkey'));

    expect(await screen.findByTestId('login-passkey-error')).toHaveTextContent('cancelled or timed out');
  });

  it('says so when the browser has no WebAuthn, without asking the node', async () => {
    removeWebAuthn();
    const api = mockApi({ 'GET /api/auth/state': () => jsonResponse(signedOutState()) });
    const { user } = renderLogin();

    await user.click(await screen.findByTestId('login-passkey'));

    expect(await screen.findByTestId('login-passkey-error')).toHaveTextContent('cannot use passkeys');
    expect(api.callsTo('POST', '/webauthn/authenticate/options')).toHaveLength(0);
  });

  it('says so when the node accepted the passkey but the browser kept no session', async () => {
    installFakeWebAuthn().get.mockResolvedValue(anAssertion());
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState()),
      'POST /webauthn/authenticate/options': () => jsonResponse(requestOptionsJson()),
      'POST /login/webauthn': () => jsonResponse({ authenticated: true, redirectUrl: '/' }),
    });
    const { user } = renderLogin();

    await user.click(await screen.findByTestId('login-passkey'));

    expect(await screen.findByTestId('login-passkey-error')).toHaveTextContent('did not keep the session cookie');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  it('explains a passkey the node rejected', async () => {
    installFakeWebAuthn().get.mockResolvedValue(anAssertion());
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState()),
      'POST /webauthn/authenticate/options': () => jsonResponse(requestOptionsJson()),
      'POST /login/webauthn': () => problemResponse({ status: 401, code: 'PASSKEY_REJECTED', title: 'Unauthorized' }),
    });
    const { user } = renderLogin();

    await user.click(await screen.findByTestId('login-passkey'));

    expect(await screen.findByTestId('login-passkey-error')).toHaveTextContent('This passkey was not accepted');
  });
});

describe('LoginView: keep me signed in', () => {
  it('is off unless ticked, and a ticked choice goes with a passkey sign-in', async () => {
    const { get } = installFakeWebAuthn();
    get.mockResolvedValue(anAssertion());
    const state = authStateHandler();
    const api = mockApi({
      'GET /api/auth/state': state.handler,
      'POST /webauthn/authenticate/options': () => jsonResponse(requestOptionsJson()),
      'POST /login/webauthn': () => {
        state.signIn();
        return jsonResponse({ authenticated: true, redirectUrl: '/' });
      },
    });
    const { user } = renderLogin();

    const choice = await screen.findByTestId('login-remember-me');
    expect(choice).not.toBeChecked();
    await user.click(choice);
    await user.click(screen.getByTestId('login-passkey'));

    await waitFor(() => expect(api.callsTo('POST', '/login/webauthn')).toHaveLength(1));
    expect(api.callsTo('POST', '/login/webauthn')[0].search.get('remember-me')).toBe('true');
  });

  it('travels in the email link request', async () => {
    const api = mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState({ mailDelivery: 'smtp' })),
      'POST /api/auth/email-link': () => jsonResponse({ sent: true, delivery: 'smtp' }, { status: 202 }),
    });
    const { user } = renderLogin();

    await user.click(await screen.findByTestId('login-remember-me'));
    await user.type(screen.getByTestId('login-email-input'), 'ada@example.com');
    await user.click(screen.getByTestId('login-email-submit'));

    await screen.findByTestId('login-email-sent');
    expect(api.callsTo('POST', '/api/auth/email-link')[0].body).toEqual({ email: 'ada@example.com', rememberMe: true });
  });
});

describe('LoginView: email link', () => {
  it('says the link went to the node log when there is no mail server', async () => {
    const api = mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState({ mailDelivery: 'log' })),
      'POST /api/auth/email-link': () => jsonResponse({ sent: true, delivery: 'log' }, { status: 202 }),
    });
    const { user } = renderLogin();

    await user.type(await screen.findByTestId('login-email-input'), ' ada@example.com ');
    await user.click(screen.getByTestId('login-email-submit'));

    const sent = await screen.findByTestId('login-email-sent');
    expect(sent).toHaveTextContent("wrote the link to the node's log");
    expect(sent).toHaveTextContent('no mail server configured');
    expect(api.callsTo('POST', '/api/auth/email-link')[0].body).toEqual({ email: 'ada@example.com' });
    expect(api.callsTo('POST', '/api/auth/email-link')[0].headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
    expect(localStorage.getItem('orchwiz.return-to')).toBe('/sessions/s1');
  });

  it('says check your inbox when the node mails', async () => {
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState()),
      'POST /api/auth/email-link': () => jsonResponse({ sent: true, delivery: 'smtp' }, { status: 202 }),
    });
    const { user } = renderLogin();

    await user.type(await screen.findByTestId('login-email-input'), 'ada@example.com');
    await user.click(screen.getByTestId('login-email-submit'));

    expect(await screen.findByTestId('login-email-sent')).toHaveTextContent('Check your inbox');
  });

  it('explains rate limiting', async () => {
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState()),
      'POST /api/auth/email-link': () => problemResponse({ status: 429, code: 'RATE_LIMITED', title: 'Too Many Requests' }),
    });
    const { user } = renderLogin();

    await user.type(await screen.findByTestId('login-email-input'), 'ada@example.com');
    await user.click(screen.getByTestId('login-email-submit'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts');
  });

  it.each([
    ['invite', 'ask an admin to invite you'],
    ['closed', 'only existing accounts can sign in'],
    ['open', 'Anyone may join'],
  ] as const)('explains the %s sign-up policy', async (signupPolicy, text) => {
    mockApi({ 'GET /api/auth/state': () => jsonResponse(signedOutState({ signupPolicy })) });

    renderLogin();

    expect(await screen.findByTestId('signup-policy-note')).toHaveTextContent(text);
  });
});

describe('LoginView: first run', () => {
  it('claims the node with the setup code from the log', async () => {
    const api = mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState({ setupRequired: true, mailDelivery: 'log' })),
      'POST /api/auth/claim-admin': () => jsonResponse({ sent: true, delivery: 'log' }, { status: 202 }),
    });
    const { user } = renderLogin('/login');

    expect(await screen.findByTestId('first-run')).toHaveTextContent('setup code');
    await user.type(screen.getByTestId('setup-email'), 'root@example.com');
    await user.type(screen.getByTestId('setup-code'), ' 7F3K-9QX2 ');
    await user.click(screen.getByTestId('setup-submit'));

    expect(await screen.findByTestId('setup-sent')).toHaveTextContent("node's log");
    const claim = api.callsTo('POST', '/api/auth/claim-admin')[0];
    expect(claim.body).toEqual({ email: 'root@example.com', setupCode: '7F3K-9QX2' });
    expect(claim.headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
  });

  it('explains a wrong setup code', async () => {
    mockApi({
      'GET /api/auth/state': () => jsonResponse(signedOutState({ setupRequired: true })),
      'POST /api/auth/claim-admin': () => problemResponse({ status: 400, code: 'INVALID_SETUP_CODE', title: 'Bad Request' }),
    });
    const { user } = renderLogin('/login');

    await user.type(await screen.findByTestId('setup-email'), 'root@example.com');
    await user.type(screen.getByTestId('setup-code'), 'nope');
    await user.click(screen.getByTestId('setup-submit'));

    expect(await screen.findByRole('alert')).toHaveTextContent('setup code is not right');
  });

  it('shows no first-run box once the node has an admin', async () => {
    mockApi({ 'GET /api/auth/state': () => jsonResponse(signedOutState()) });

    renderLogin();

    expect(await screen.findByTestId('login-passkey')).toBeInTheDocument();
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
  });
});

describe('LoginView: already signed in', () => {
  it('goes straight to the wanted page, never to another origin', async () => {
    mockApi({ 'GET /api/auth/state': () => jsonResponse(anAuthState({ user: aMe() })) });

    renderLogin('/login?next=%2F%2Fevil.example.com');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });
});
