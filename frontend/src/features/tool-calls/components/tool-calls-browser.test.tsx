import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRunSummary, RUN_ID } from '@/testing/control-plane-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { ToolCallsBrowser } from './tool-calls-browser';

const listQueries = (calls: { method: string; path: string; search: URLSearchParams }[]) =>
  calls.filter((c) => c.method === 'GET' && c.path === '/api/tool-calls').map((c) => c.search.toString());

describe('ToolCallsBrowser', () => {
  it('lists runs, each linking to its run page, with status, decision, exit code and duration', async () => {
    mockApi({
      'GET /api/tool-calls': () =>
        jsonResponse(aPage([aRunSummary(), aRunSummary({ id: 'r2', commandName: null, tool: 'Read', status: 'denied', outcome: 'deny', exitCode: null, durationMs: null })], { totalItems: 2 })),
    });

    renderWithProviders(<ToolCallsBrowser />, { route: '/tool-calls' });

    const row = await screen.findByTestId(`run-row-${RUN_ID}`);
    expect(within(row).getByTestId('run-link')).toHaveAttribute('href', `/tool-calls/${RUN_ID}`);
    expect(row).toHaveTextContent('/deploy');
    expect(row).toHaveTextContent('completed');
    expect(row).toHaveTextContent('1.25 s');
    const denied = screen.getByTestId('run-row-r2');
    expect(within(denied).getByTestId('run-link')).toHaveAttribute('href', '/tool-calls/r2');
    expect(denied).toHaveTextContent('Read');
    expect(denied).toHaveTextContent('deny');
    expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 1 of 1 · 2 runs');
  });

  it('filters by status and by command from the URL, and pages', async () => {
    const api = mockApi({
      'GET /api/tool-calls': ({ search }) =>
        jsonResponse(aPage([aRunSummary()], { page: Number(search.get('page') ?? 0), totalItems: 40, totalPages: 2 })),
    });
    const { user } = renderWithProviders(<ToolCallsBrowser />, { route: '/tool-calls?commandId=c1' });
    await screen.findByTestId('runs-table');
    expect(listQueries(api.calls)[0]).toBe('commandId=c1&size=20');

    await user.selectOptions(screen.getByTestId('runs-filter-status'), 'awaiting_approval');
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('status=awaiting_approval&commandId=c1&size=20'));
    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('status=awaiting_approval&commandId=c1&page=1&size=20'));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('size=20'));
  });

  it('says so when there are no runs', async () => {
    mockApi({ 'GET /api/tool-calls': () => jsonResponse(aPage([])) });

    renderWithProviders(<ToolCallsBrowser />, { route: '/tool-calls' });

    expect(await screen.findByText('No runs yet. Run a slash command to start one.')).toBeInTheDocument();
  });
});
