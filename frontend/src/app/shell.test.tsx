import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { anAuthState } from '@/testing/auth-fixtures';
import { FakeEventSource } from '@/testing/fake-event-source';
import { aPage } from '@/testing/fixtures';
import { createTestQueryClient, jsonResponse, mockApi } from '@/testing/test-utils';
import { AREAS } from './areas';
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

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
  mockApi({
    'GET /api/auth/state': () => jsonResponse(anAuthState()),
    'GET /api/sessions': () => jsonResponse(aPage([])),
    'GET /api/events/types': () => jsonResponse(['session.started', 'task.created']),
  });
});

describe('Shell', () => {
  it('sends / to the sessions page', async () => {
    const router = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sessions' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sessions');
  });

  it('lists every area, marking the unbuilt ones as coming soon', async () => {
    renderApp('/sessions');

    const nav = await screen.findByRole('navigation', { name: 'Areas' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.querySelector('.nav__label')?.textContent)).toEqual(AREAS.map((area) => area.label));
    expect(within(nav).getByRole('link', { name: 'Sessions' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getAllByText('(coming soon)')).toHaveLength(AREAS.filter((area) => !area.ready).length);
    expect(within(nav).getByRole('link', { name: 'Settings' })).not.toHaveTextContent('soon');
  });

  it('opens a placeholder that names the area that is coming', async () => {
    renderApp('/sessions');

    await userEvent.click(await screen.findByRole('link', { name: /Verification/ }));

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Verification');
    expect(screen.getByTestId('coming-soon')).toHaveTextContent('Verification is coming to OrchWiz.');
  });

  it('shows the live connection state of the event stream', async () => {
    renderApp('/sessions');
    const indicator = await screen.findByTestId('sse-status');
    expect(indicator).toHaveTextContent('connecting');

    act(() => FakeEventSource.latest().open());
    expect(indicator).toHaveTextContent('live');

    act(() => FakeEventSource.latest().fail());
    expect(indicator).toHaveTextContent('reconnecting');
  });

  it('listens to the event types the server lists as well as the known ones', async () => {
    renderApp('/sessions');

    await vi.waitFor(() => expect(FakeEventSource.latest().listenedTypes()).toContain('task.created'));
    expect(FakeEventSource.latest().listenedTypes()).toContain('session.archived');
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});
