import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aCommand, aRunSummary, captureDownloads, COMMAND_ID, RUN_ID } from '@/testing/control-plane-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { CommandView } from './command-view';

const handlers = (command = aCommand()) => ({
  [`GET /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse(command),
  'GET /api/tool-calls': () => jsonResponse(aPage([aRunSummary()])),
});

describe('CommandView', () => {
  it('shows the command, its edit form and its runs, each linking to its run page', async () => {
    const api = mockApi(handlers());

    renderWithProviders(<CommandView id={COMMAND_ID} onStarted={vi.fn()} onDeleted={vi.fn()} />);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('/deploy');
    expect(screen.getByTestId('command-script')).toHaveValue('./deploy.sh "$1"');
    const runs = await screen.findByTestId('command-runs');
    expect(within(runs).getByRole('link', { name: /Run r0000000/ })).toHaveAttribute('href', `/tool-calls/${RUN_ID}`);
    expect(api.callsTo('GET', '/api/tool-calls')[0].search.get('commandId')).toBe(COMMAND_ID);
  });

  it('shows a shared command of someone else read-only, without delete', async () => {
    mockApi(handlers(aCommand({ mine: false, shared: true })));

    renderWithProviders(<CommandView id={COMMAND_ID} onStarted={vi.fn()} onDeleted={vi.fn()} />);

    expect(await screen.findByTestId('command-script-view')).toHaveTextContent('./deploy.sh "$1"');
    expect(screen.queryByTestId('command-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('command-delete')).not.toBeInTheDocument();
    expect(screen.getByTestId('command-run-button')).toBeInTheDocument();
  });

  it('downloads the markdown export', async () => {
    const downloads = captureDownloads();
    const api = mockApi({
      ...handlers(aCommand({ name: 'git:push' })),
      [`GET /api/slash-commands/${COMMAND_ID}/export`]: () =>
        new Response('---\ndescription: Push\n---\ngit push', { headers: { 'Content-Type': 'text/markdown' } }),
    });
    const { user } = renderWithProviders(<CommandView id={COMMAND_ID} onStarted={vi.fn()} onDeleted={vi.fn()} />);

    await user.click(await screen.findByTestId('command-export'));

    await waitFor(() => expect(downloads.names).toEqual(['git-push.md']));
    expect(await downloads.text()).toBe('---\ndescription: Push\n---\ngit push');
    expect(api.callsTo('GET', `/api/slash-commands/${COMMAND_ID}/export`)[0].headers.get('Accept')).toMatch(/^text\/markdown/);
  });

  it('deletes after confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const onDeleted = vi.fn();
    const api = mockApi({
      ...handlers(),
      [`DELETE /api/slash-commands/${COMMAND_ID}`]: () => new Response(null, { status: 204 }),
      'GET /api/slash-commands': () => jsonResponse(aPage([])),
    });
    const { user } = renderWithProviders(<CommandView id={COMMAND_ID} onStarted={vi.fn()} onDeleted={onDeleted} />);

    await user.click(await screen.findByTestId('command-delete'));

    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(api.callsTo('DELETE', `/api/slash-commands/${COMMAND_ID}`)).toHaveLength(1);
  });

  it('says when the command does not exist', async () => {
    mockApi({ [`GET /api/slash-commands/${COMMAND_ID}`]: () => problemResponse({ status: 404, code: 'NOT_FOUND', title: 'Not found' }) });

    renderWithProviders(<CommandView id={COMMAND_ID} onStarted={vi.fn()} onDeleted={vi.fn()} />);

    expect(await screen.findByTestId('command-not-found')).toBeInTheDocument();
  });
});
