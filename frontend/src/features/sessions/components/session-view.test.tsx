import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aDetail, SESSION_ID } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { SessionView } from './session-view';

const detailPath = `/api/sessions/${SESSION_ID}`;

const renderView = (handlers: Parameters<typeof mockApi>[0]) => {
  const api = mockApi(handlers);
  const onForked = vi.fn();
  const onArchived = vi.fn();
  // The conversation is the runs feature's, composed in by the page; here it only has to get the session.
  const conversation = (session: { id: string; status: string }) => (
    <p data-testid="conversation-slot">
      {session.id} {session.status}
    </p>
  );
  const rendered = renderWithProviders(<SessionView id={SESSION_ID} onForked={onForked} onArchived={onArchived} conversation={conversation} />);
  return { ...rendered, api, onForked, onArchived };
};

describe('SessionView', () => {
  it('shows the session with wire values for status and mode, and its timeline', async () => {
    renderView({
      [`GET ${detailPath}`]: () =>
        jsonResponse(
          aDetail({
            title: 'Refactor auth',
            status: 'executing',
            mode: 'auto_accept',
            version: 4,
            interactionCount: 2,
            interactions: [
              { id: 'i1', sequence: 1, type: 'user_input', content: 'Split it\n  keep tests', metadata: null, by: 'ada', at: '2026-11-24T10:00:00Z' },
              { id: 'i2', sequence: 2, type: 'ai_response', content: 'Done.', metadata: null, by: 'agent', at: '2026-11-24T10:01:00Z' },
            ],
          }),
          { headers: { ETag: '"4"' } },
        ),
    });

    expect(await screen.findByTestId('session-title')).toHaveTextContent('Refactor auth');
    expect(screen.getByTestId('session-status')).toHaveTextContent(/^executing$/);
    expect(screen.getByTestId('session-mode')).toHaveTextContent(/^auto_accept$/);
    const items = within(screen.getByTestId('session-timeline')).getAllByTestId('timeline-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('User input');
    expect(items[0].querySelector('pre')?.textContent).toBe('Split it\n  keep tests');
    expect(screen.getByTestId('conversation-slot')).toHaveTextContent(`${SESSION_ID} executing`);
  });

  it('shows a friendly page for a missing or archived session', async () => {
    renderView({
      [`GET ${detailPath}`]: () => problemResponse({ status: 404, title: 'Not found', code: 'SESSION_ARCHIVED' }),
    });

    expect(await screen.findByTestId('session-not-found')).toHaveTextContent('Session not found or archived');
  });

  it('hands the shown session to the conversation, which follows its status', async () => {
    let status: 'executing' | 'paused' = 'executing';
    const { queryClient } = renderView({ [`GET ${detailPath}`]: () => jsonResponse(aDetail({ status, version: status === 'paused' ? 5 : 4 })) });
    expect(await screen.findByTestId('conversation-slot')).toHaveTextContent('executing');

    status = 'paused';
    await queryClient.invalidateQueries();

    await waitFor(() => expect(screen.getByTestId('conversation-slot')).toHaveTextContent('paused'));
  });

  it('forks and hands over the new session id', async () => {
    const { user, onForked, api } = renderView({
      [`GET ${detailPath}`]: () => jsonResponse(aDetail()),
      [`POST ${detailPath}/fork`]: () => jsonResponse({ id: 'fork-1', version: 0 }, { status: 201 }),
      'GET /api/sessions/fork-1': () => jsonResponse(aDetail({ id: 'fork-1', parentSessionId: SESSION_ID })),
    });

    await user.click(await screen.findByTestId('session-fork'));

    await waitFor(() => expect(onForked).toHaveBeenCalledWith('fork-1'));
    expect(api.callsTo('GET', '/api/sessions/fork-1')[0].url).toBe('/api/sessions/fork-1?minVersion=0');
  });

  it('archives only after confirmation', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { user, onArchived, api } = renderView({
      [`GET ${detailPath}`]: () => jsonResponse(aDetail()),
      [`DELETE ${detailPath}`]: () => new Response(null, { status: 204 }),
    });

    await user.click(await screen.findByTestId('session-archive'));
    expect(api.callsTo('DELETE', detailPath)).toHaveLength(0);

    await user.click(screen.getByTestId('session-archive'));

    await waitFor(() => expect(onArchived).toHaveBeenCalled());
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(api.callsTo('DELETE', detailPath)).toHaveLength(1);
  });

  it('patches only the changed details, clearing emptied ones, with If-Match', async () => {
    const { user, api } = renderView({
      [`GET ${detailPath}`]: () =>
        jsonResponse(aDetail({ version: 2, title: 'Old', branch: 'main' }), { headers: { ETag: '"2"' } }),
      [`PATCH ${detailPath}`]: () => jsonResponse({ id: SESSION_ID, version: 4 }),
    });
    await screen.findByTestId('session-edit-form');

    const title = screen.getByTestId('session-edit-title');
    await user.clear(title);
    await user.type(title, 'New title');
    await user.clear(screen.getByTestId('session-edit-branch'));
    await user.click(screen.getByTestId('session-edit-submit'));

    await waitFor(() => expect(api.callsTo('PATCH', detailPath)).toHaveLength(1));
    const patch = api.callsTo('PATCH', detailPath)[0];
    expect(patch.body).toEqual({ title: 'New title', branch: null });
    expect(patch.headers.get('If-Match')).toBe('"2"');
  });
});
