import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { anAdmin, anAuthState, aMe, signedOutState } from '@/testing/auth-fixtures';
import { FakeEventSource } from '@/testing/fake-event-source';
import { aPage } from '@/testing/fixtures';
import { createTestQueryClient, jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import type { AuthState } from '@/features/auth/types';
import { AppProvider } from './provider';
import { routes } from './router';

const renderApp = (path: string) => {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider queryClient={createTestQueryClient()}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
};

const where = (router: ReturnType<typeof renderApp>) => `${router.state.location.pathname}${router.state.location.search}`;

const baseHandlers = (state: () => AuthState) => ({
  'GET /api/auth/state': () => jsonResponse(state()),
  'GET /api/events/types': () => jsonResponse([]),
  'GET /api/sessions': () => jsonResponse(aPage([])),
});

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('auth bootstrap and routing', () => {
  it('asks for the auth state first and sends a signed-out visitor to /login, keeping the wanted page', async () => {
    const api = mockApi(baseHandlers(() => signedOutState()));

    const router = renderApp('/sessions?status=paused');

    expect(await screen.findByTestId('login-view')).toBeInTheDocument();
    expect(where(router)).toBe('/login?next=%2Fsessions%3Fstatus%3Dpaused');
    expect(api.calls[0].path).toBe('/api/auth/state');
    expect(api.callsTo('GET', '/api/sessions')).toHaveLength(0);
    expect(FakeEventSource.instances).toHaveLength(0);
    expect(screen.queryByTestId('session-ended')).not.toBeInTheDocument();
  });

  it('sends the user to /login when the session ends (any 401), and says so', async () => {
    let state = anAuthState();
    const api = mockApi({
      ...baseHandlers(() => state),
      'GET /api/sessions': () => {
        state = signedOutState();
        return problemResponse({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' });
      },
    });

    const router = renderApp('/sessions');

    expect(await screen.findByTestId('session-ended')).toHaveTextContent('Your session has ended');
    expect(where(router)).toBe('/login?next=%2Fsessions');
    expect(api.callsTo('GET', '/api/sessions')).toHaveLength(1);
  });

  it('rechecks the session when the event stream drops', async () => {
    let state = anAuthState();
    mockApi(baseHandlers(() => state));
    const router = renderApp('/sessions');
    await screen.findByTestId('sse-status');
    act(() => FakeEventSource.latest().open());

    state = signedOutState();
    act(() => FakeEventSource.latest().fail());

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });

  it('shows the user menu with email, role and links', async () => {
    mockApi(baseHandlers(() => anAuthState({ user: aMe({ email: 'ada@example.com', displayName: 'Ada Lovelace' }) })));

    renderApp('/sessions');

    const menu = await screen.findByTestId('user-menu');
    expect(within(menu).getByTestId('user-menu-email')).toHaveTextContent(/^ada@example\.com$/);
    expect(menu).toHaveTextContent('Ada Lovelace');
    expect(within(menu).getByTestId('user-menu-role')).toHaveTextContent('member');
    expect(within(menu).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings');
    expect(within(menu).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Administration' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Read models/ })).not.toBeInTheDocument();
  });

  it('gives admins the admin link and navigation entry', async () => {
    mockApi({
      ...baseHandlers(() => anAuthState({ user: anAdmin() })),
      'GET /api/admin/users': () => jsonResponse(aPage([])),
      'GET /api/admin/signup-policy': () => jsonResponse({ policy: 'invite' }),
      'GET /api/admin/invitations': () => jsonResponse(aPage([])),
    });
    const router = renderApp('/sessions');

    const menu = await screen.findByTestId('user-menu');
    expect(within(menu).getByTestId('user-menu-role')).toHaveTextContent('admin');
    const adminNav = screen.getByRole('navigation', { name: 'Administration' });
    await userEvent.click(within(adminNav).getByRole('link', { name: /Users/ }));

    expect(router.state.location.pathname).toBe('/admin/users');
    expect(await screen.findByTestId('admin-users-table')).toBeInTheDocument();
    expect(await screen.findByTestId('signup-policy-select')).toHaveValue('invite');
  });

  it('gives admins the read models page in the administration navigation', async () => {
    mockApi({
      ...baseHandlers(() => anAuthState({ user: anAdmin() })),
      'GET /api/admin/projections': () =>
        jsonResponse([{ name: 'sessions', segments: 4, position: 7, head: 7, replaying: false, running: true, deadLetters: 0, caughtUp: true }]),
      'GET /api/admin/projections/sessions/dead-letters': () => jsonResponse(aPage([])),
    });
    const router = renderApp('/sessions');

    const adminNav = await screen.findByRole('navigation', { name: 'Administration' });
    await userEvent.click(within(adminNav).getByRole('link', { name: /Read models/ }));

    expect(router.state.location.pathname).toBe('/admin/read-models');
    expect(await screen.findByRole('heading', { level: 1, name: 'Read models' })).toBeInTheDocument();
    expect(await screen.findByTestId('projection-state')).toHaveTextContent('caught up');
  });

  it('answers a non-admin at /admin/users with the not-found page', async () => {
    const api = mockApi(baseHandlers(() => anAuthState()));

    renderApp('/admin/users');

    expect(await screen.findByText('Page not found')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.path.startsWith('/api/admin'))).toHaveLength(0);
  });

  it('answers a non-admin at /admin/read-models with the not-found page', async () => {
    const api = mockApi(baseHandlers(() => anAuthState()));

    renderApp('/admin/read-models');

    expect(await screen.findByText('Page not found')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.path.startsWith('/api/admin'))).toHaveLength(0);
  });

  it('signs out with POST /logout and lands on /login', async () => {
    let state = anAuthState();
    const api = mockApi({
      ...baseHandlers(() => state),
      'POST /logout': () => {
        state = signedOutState();
        return new Response(null, { status: 204 });
      },
    });
    const router = renderApp('/sessions');

    await userEvent.click(await screen.findByTestId('sign-out'));

    expect(await screen.findByTestId('login-view')).toBeInTheDocument();
    expect(where(router)).toBe('/login');
    expect(api.callsTo('POST', '/logout')).toHaveLength(1);
    expect(screen.queryByTestId('session-ended')).not.toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', '/api/auth/state').length).toBeGreaterThanOrEqual(2));
  });

  it('opens the live settings page and signs out everywhere after confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    let state = anAuthState();
    const api = mockApi({
      ...baseHandlers(() => state),
      'GET /api/me/passkeys': () => jsonResponse([]),
      'GET /api/me/tokens': () => jsonResponse(aPage([])),
      'GET /api/me/github': () => jsonResponse({ configured: false, linked: false, login: null }),
      'POST /api/me/sign-out-everywhere': () => {
        state = signedOutState();
        return new Response(null, { status: 204 });
      },
    });
    const router = renderApp('/settings');

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.queryByTestId('coming-soon')).not.toBeInTheDocument();
    await screen.findByTestId('passkey-list');
    await userEvent.click(screen.getByTestId('sign-out-everywhere'));

    expect(await screen.findByTestId('login-view')).toBeInTheDocument();
    expect(where(router)).toBe('/login');
    expect(api.callsTo('POST', '/api/me/sign-out-everywhere')).toHaveLength(1);
  });
});
