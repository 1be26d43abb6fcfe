import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aPage, aSummary } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { SEARCH_DEBOUNCE_MS } from './sessions-filters';
import { SessionsBrowser } from './sessions-browser';

const listQueries = (calls: { method: string; path: string; search: URLSearchParams }[]) =>
  calls.filter((c) => c.method === 'GET' && c.path === '/api/sessions').map((c) => c.search.toString());

describe('SessionsBrowser', () => {
  it('lists sessions with a link per title and page X of Y', async () => {
    mockApi({
      'GET /api/sessions': () =>
        jsonResponse(
          aPage([aSummary({ id: 's1', title: 'Refactor auth', interactionCount: 4 }), aSummary({ id: 's2', title: null })], {
            totalItems: 57,
            totalPages: 3,
          }),
        ),
    });

    renderWithProviders(<SessionsBrowser />, { route: '/sessions' });

    const rows = await screen.findAllByTestId('session-row');
    expect(rows).toHaveLength(2);
    const links = screen.getAllByTestId('session-link');
    expect(links[0]).toHaveTextContent('Refactor auth');
    expect(links[0]).toHaveAttribute('href', '/sessions/s1');
    expect(links[1]).toHaveTextContent('Untitled session');
    expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 1 of 3 · 57 sessions');
  });

  it('builds the query string from status, mode, source and the debounced search', async () => {
    const api = mockApi({ 'GET /api/sessions': () => jsonResponse(aPage([aSummary()])) });
    const { user } = renderWithProviders(<SessionsBrowser />, { route: '/sessions' });
    await screen.findByTestId('sessions-table');

    await user.click(screen.getByTestId('sessions-filter-status-paused'));
    await user.click(screen.getByTestId('sessions-filter-status-executing'));
    await user.selectOptions(screen.getByTestId('sessions-filter-mode'), 'auto_accept');
    await user.selectOptions(screen.getByTestId('sessions-filter-source'), 'ios');

    await waitFor(() =>
      expect(listQueries(api.calls).at(-1)).toBe('status=executing&status=paused&mode=auto_accept&source=ios&size=20'),
    );

    await user.type(screen.getByTestId('sessions-filter-q'), 'auth');
    // Typing alone does not search; only the settled term does.
    expect(listQueries(api.calls).some((q) => q.includes('q='))).toBe(false);
    await act(() => new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50)));

    await waitFor(() =>
      expect(listQueries(api.calls).at(-1)).toBe('status=executing&status=paused&mode=auto_accept&source=ios&q=auth&size=20'),
    );
    expect(listQueries(api.calls).filter((q) => q.includes('q='))).toHaveLength(1);
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/sessions?status=executing&status=paused&mode=auto_accept&source=ios&q=auth',
    );
  });

  it('lets an admin list every node, showing which node each row came from and linking forwarded rows to their read-only page', async () => {
    const api = mockApi({
      'GET /api/sessions': () =>
        jsonResponse(
          aPage([
            aSummary({ id: 's1', title: 'Here', sourceNodeId: 'local' }),
            aSummary({ id: 'far-1', title: 'Far away', sourceNodeId: 'node-a', sourceNodeName: 'Laptop', mode: null, source: null }),
          ]),
        ),
    });
    const { user } = renderWithProviders(<SessionsBrowser canSeeForwarded />, { route: '/sessions' });
    await screen.findByTestId('sessions-table');

    await user.selectOptions(screen.getByTestId('sessions-filter-node'), 'all');

    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('includeForwarded=true&size=20'));
    expect(await screen.findByTestId('session-node-badge')).toHaveTextContent('Laptop');
    const links = screen.getAllByTestId('session-link');
    expect(links[0]).toHaveAttribute('href', '/sessions/s1');
    expect(links[1]).toHaveAttribute('href', '/nodes/node-a/sessions/far-1');

    await user.selectOptions(screen.getByTestId('sessions-filter-node'), 'local');
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('sourceNodeId=local&size=20'));
  });

  it('offers no node filter to a member', async () => {
    mockApi({ 'GET /api/sessions': () => jsonResponse(aPage([aSummary()])) });
    renderWithProviders(<SessionsBrowser />, { route: '/sessions' });
    await screen.findByTestId('sessions-table');
    expect(screen.queryByTestId('sessions-filter-node')).toBeNull();
  });

  it('reads filters from the URL and pages with the 0-based API page', async () => {
    const api = mockApi({
      'GET /api/sessions': ({ search }) =>
        jsonResponse(aPage([aSummary()], { page: Number(search.get('page') ?? 0), totalItems: 57, totalPages: 3 })),
    });
    const { user } = renderWithProviders(<SessionsBrowser />, { route: '/sessions?status=failed&page=2' });

    await waitFor(() => expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 2 of 3 · 57 sessions'));
    expect(listQueries(api.calls)[0]).toBe('status=failed&page=1&size=20');

    await user.click(screen.getByRole('button', { name: /next/i }));

    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('status=failed&page=2&size=20'));
    expect(screen.getByRole('button', { name: /next/i })).toBeDisabled();
  });

  it('goes back to the first page when a filter changes', async () => {
    const api = mockApi({
      'GET /api/sessions': () => jsonResponse(aPage([aSummary()], { page: 1, totalItems: 30, totalPages: 2 })),
    });
    const { user } = renderWithProviders(<SessionsBrowser />, { route: '/sessions?page=2' });
    await screen.findByTestId('sessions-table');

    await user.selectOptions(screen.getByTestId('sessions-filter-mode'), 'plan');

    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('mode=plan&size=20'));
  });

  it('says so when nothing matches', async () => {
    mockApi({ 'GET /api/sessions': () => jsonResponse(aPage([])) });

    renderWithProviders(<SessionsBrowser />, { route: '/sessions?q=nothing' });

    expect(await screen.findByText('No session matches these filters.')).toBeInTheDocument();
    expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 1 of 1 · 0 sessions');
  });
});
