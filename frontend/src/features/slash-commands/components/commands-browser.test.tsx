import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aCommandSummary, aRun, COMMAND_ID, RUN_ID } from '@/testing/control-plane-fixtures';
import { aPage, aSummary } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { COMMAND_SEARCH_DEBOUNCE_MS, CommandsBrowser } from './commands-browser';

const listQueries = (calls: { method: string; path: string; search: URLSearchParams }[]) =>
  calls.filter((c) => c.method === 'GET' && c.path === '/api/slash-commands').map((c) => c.search.toString());

const choices = {
  'GET /api/sessions': () => jsonResponse(aPage([aSummary({ id: 'session-1', title: 'Release 1.2' })])),
  'GET /api/subagents': () => jsonResponse(aPage([{ id: 'sub-1', name: 'deployer', mine: true }])),
};

describe('CommandsBrowser', () => {
  it('lists commands with run count, last run status and a link per command', async () => {
    mockApi({
      'GET /api/slash-commands': () =>
        jsonResponse(
          aPage(
            [
              aCommandSummary({ argumentHint: '[environment]' }),
              aCommandSummary({ id: 'c2', name: 'git:push', mine: false, shared: true, runCount: 0, lastRunStatus: null, lastRunAt: null, argumentHint: null }),
            ],
            { totalItems: 41, totalPages: 3 },
          ),
        ),
    });

    renderWithProviders(<CommandsBrowser onStarted={vi.fn()} />, { route: '/slash-commands' });

    const row = await screen.findByTestId('command-row-deploy');
    expect(within(row).getByTestId('command-link')).toHaveAttribute('href', `/slash-commands/${COMMAND_ID}`);
    expect(within(row).getByTestId('command-run-count')).toHaveTextContent('3');
    expect(within(row).getByTestId('command-last-run')).toHaveTextContent('completed');
    expect(within(row).getByRole('link', { name: /completed/ })).toHaveAttribute('href', `/tool-calls?commandId=${COMMAND_ID}`);
    expect(within(row).getByTestId('command-argument-hint-view')).toHaveTextContent('[environment]');
    const shared = screen.getByTestId('command-row-git:push');
    expect(within(shared).queryByTestId('command-argument-hint-view')).not.toBeInTheDocument();
    expect(within(row).queryByTestId('command-kind-badge')).not.toBeInTheDocument();
    expect(shared).toHaveTextContent('shared');
    expect(shared).toHaveTextContent('never run');
    expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 1 of 3 · 41 commands');
  });

  it('searches after typing settles, filters mine or shared, and pages', async () => {
    const api = mockApi({
      'GET /api/slash-commands': ({ search }) =>
        jsonResponse(aPage([aCommandSummary()], { page: Number(search.get('page') ?? 0), totalItems: 30, totalPages: 2 })),
    });
    const { user } = renderWithProviders(<CommandsBrowser onStarted={vi.fn()} />, { route: '/slash-commands' });
    await screen.findByTestId('command-row-deploy');
    expect(listQueries(api.calls)[0]).toBe('size=20');

    await user.selectOptions(screen.getByTestId('commands-filter-ownership'), 'shared');
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('shared=true&size=20'));
    await user.selectOptions(screen.getByTestId('commands-filter-ownership'), 'mine');
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('mine=true&size=20'));

    await user.type(screen.getByTestId('commands-filter-q'), 'dep');
    await act(() => new Promise((resolve) => setTimeout(resolve, COMMAND_SEARCH_DEBOUNCE_MS + 50)));
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('q=dep&mine=true&size=20'));

    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(listQueries(api.calls).at(-1)).toBe('q=dep&mine=true&page=1&size=20'));
    expect(screen.getByTestId('location')).toHaveTextContent('/slash-commands?q=dep&show=mine&page=2');
  });

  it('says so when there are no commands and when the list fails', async () => {
    mockApi({ 'GET /api/slash-commands': () => problemResponse({ status: 500, title: 'Server error', detail: 'The read model is down.' }) });

    renderWithProviders(<CommandsBrowser onStarted={vi.fn()} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('The read model is down.');
  });

  it('runs a command with arguments in a chosen session and hands over the started run', async () => {
    const api = mockApi({
      'GET /api/slash-commands': () => jsonResponse(aPage([aCommandSummary()])),
      [`POST /api/slash-commands/${COMMAND_ID}/execute`]: () => jsonResponse(aRun({ status: 'running' }), { status: 202 }),
      ...choices,
    });
    const onStarted = vi.fn();
    const { user } = renderWithProviders(<CommandsBrowser onStarted={onStarted} />);

    await user.click(within(await screen.findByTestId('command-row-deploy')).getByTestId('command-run-button'));
    const dialog = screen.getByTestId('command-run-dialog');
    expect(within(dialog).getByTestId('command-run-arguments')).toHaveFocus();
    expect(within(dialog).getByTestId('command-run-arguments')).toHaveAttribute('placeholder', '[environment]');
    await user.type(screen.getByTestId('command-run-arguments'), 'staging --force');
    await waitFor(() => expect(within(dialog).getByRole('option', { name: /Release 1\.2/ })).toBeInTheDocument());
    await user.selectOptions(screen.getByTestId('command-run-session'), 'session-1');
    await user.click(screen.getByTestId('command-run-submit'));

    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ id: RUN_ID, status: 'running' })));
    expect(api.callsTo('POST', `/api/slash-commands/${COMMAND_ID}/execute`)[0].body).toEqual({
      arguments: 'staging --force',
      sessionId: 'session-1',
    });
  });

  it('runs a prompt command in a session it requires, and links the agent run it started', async () => {
    const api = mockApi({
      'GET /api/slash-commands': () => jsonResponse(aPage([aCommandSummary({ kind: 'prompt' })])),
      [`POST /api/slash-commands/${COMMAND_ID}/execute`]: () =>
        jsonResponse({ runId: 'run-7', traceId: '0af7651916cd43dd8448eb211c80319c', sessionId: 'session-1' }, { status: 202 }),
      ...choices,
    });
    const onStarted = vi.fn();
    const { user } = renderWithProviders(<CommandsBrowser onStarted={onStarted} />);

    await user.click(within(await screen.findByTestId('command-row-deploy')).getByTestId('command-run-button'));
    expect(within(screen.getByTestId('command-row-deploy')).getByTestId('command-kind-badge')).toHaveTextContent('prompt');
    const dialog = screen.getByTestId('command-run-dialog');
    expect(within(dialog).queryByTestId('command-run-subagent')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('command-run-submit'));
    expect(screen.getByTestId('command-run-session')).toHaveAccessibleDescription(/choose the session/);
    expect(api.callsTo('POST', `/api/slash-commands/${COMMAND_ID}/execute`)).toHaveLength(0);

    await waitFor(() => expect(within(dialog).getByRole('option', { name: /Release 1\.2/ })).toBeInTheDocument());
    await user.selectOptions(screen.getByTestId('command-run-session'), 'session-1');
    await user.type(screen.getByTestId('command-run-arguments'), '"my app" now');
    await user.click(screen.getByTestId('command-run-submit'));

    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ runId: 'run-7' })));
    expect(api.callsTo('POST', `/api/slash-commands/${COMMAND_ID}/execute`)[0].body).toEqual({
      arguments: '"my app" now',
      sessionId: 'session-1',
    });
    expect(await screen.findByTestId('command-run-link')).toHaveAttribute('href', '/runs/run-7');
  });

  it('runs without arguments, and shows why a run was refused', async () => {
    const api = mockApi({
      'GET /api/slash-commands': () => jsonResponse(aPage([aCommandSummary()])),
      [`POST /api/slash-commands/${COMMAND_ID}/execute`]: () =>
        problemResponse({ status: 404, code: 'SESSION_NOT_FOUND', title: 'Not found', detail: 'There is no such session.' }),
      ...choices,
    });
    const onStarted = vi.fn();
    const { user } = renderWithProviders(<CommandsBrowser onStarted={onStarted} />);

    await user.click(within(await screen.findByTestId('command-row-deploy')).getByTestId('command-run-button'));
    await user.click(screen.getByTestId('command-run-submit'));

    expect(await screen.findByTestId('command-run-error')).toHaveTextContent('There is no such session.');
    expect(api.callsTo('POST', `/api/slash-commands/${COMMAND_ID}/execute`)[0].body).toEqual({});
    expect(onStarted).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('command-run-dialog')).not.toBeInTheDocument();
  });
});
