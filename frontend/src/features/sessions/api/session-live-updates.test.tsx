import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventStreamProvider } from '@/lib/event-stream';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { aDetail, aPage, aSummary, SESSION_ID } from '@/testing/fixtures';
import { createTestQueryClient, jsonResponse, mockApi } from '@/testing/test-utils';
import { SESSION_EVENT_TYPES } from '../types';
import { useSession } from './find-session';
import { useSessions } from './list-sessions';
import { useSessionLiveUpdates } from './session-live-updates';

const Watcher = () => {
  useSessionLiveUpdates();
  const session = useSession(SESSION_ID);
  const list = useSessions({});
  return (
    <>
      <span data-testid="mode">{session.data?.mode}</span>
      <span data-testid="rows">{list.data?.items.map((s) => `${s.id}@${s.version}`).join(',')}</span>
    </>
  );
};

const renderWatcher = () =>
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <EventStreamProvider eventTypes={SESSION_EVENT_TYPES}>
        <Watcher />
      </EventStreamProvider>
    </QueryClientProvider>,
  );

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('useSessionLiveUpdates', () => {
  it('reads the shown session at the event version and refetches the list', async () => {
    let version = 2;
    const api = mockApi({
      [`GET /api/sessions/${SESSION_ID}`]: () =>
        jsonResponse(aDetail({ version, mode: version > 2 ? 'auto_accept' : 'plan' })),
      'GET /api/sessions': () => jsonResponse(aPage([aSummary({ version })])),
    });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('mode')).toHaveTextContent('plan'));

    version = 3;
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit(
        'session.mode-changed',
        aDomainEvent({ aggregateId: SESSION_ID, aggregateVersion: 3, type: 'session.mode-changed' }),
        '77',
      );
    });

    await waitFor(() => expect(screen.getByTestId('mode')).toHaveTextContent('auto_accept'));
    expect(api.callsTo('GET', `/api/sessions/${SESSION_ID}`).at(-1)?.url).toBe(`/api/sessions/${SESSION_ID}?minVersion=3`);
    await waitFor(() => expect(screen.getByTestId('rows')).toHaveTextContent(`${SESSION_ID}@3`));
  });

  it('refetches the list again while its row lags behind the event', async () => {
    let listVersion = 1;
    const api = mockApi({
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail({ version: 2 })),
      'GET /api/sessions': () => jsonResponse(aPage([aSummary({ version: listVersion })])),
    });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('rows')).toHaveTextContent(`${SESSION_ID}@1`));
    const before = api.callsTo('GET', '/api/sessions').length;

    act(() =>
      FakeEventSource.latest().emit(
        'session.renamed',
        aDomainEvent({ aggregateId: SESSION_ID, aggregateVersion: 2, type: 'session.renamed' }),
        '78',
      ),
    );
    await waitFor(() => expect(api.callsTo('GET', '/api/sessions').length).toBe(before + 1));
    listVersion = 2;

    await waitFor(() => expect(screen.getByTestId('rows')).toHaveTextContent(`${SESSION_ID}@2`), { timeout: 2_000 });
  });

  it('ignores events of other contexts', async () => {
    const api = mockApi({
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail()),
      'GET /api/sessions': () => jsonResponse(aPage([aSummary()])),
    });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('rows')).not.toBeEmptyDOMElement());
    const before = api.calls.length;

    act(() => FakeEventSource.latest().emit('message', aDomainEvent({ type: 'task.created', aggregateId: SESSION_ID })));
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(api.calls.length).toBe(before);
  });
});
