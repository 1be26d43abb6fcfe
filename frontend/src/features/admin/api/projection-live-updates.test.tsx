import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventStreamProvider } from '@/lib/event-stream';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { createTestQueryClient, jsonResponse, mockApi } from '@/testing/test-utils';
import { PROJECTIONS_REFRESH_MS, useProjections } from './list-projections';
import { useProjectionLiveUpdates } from './projection-live-updates';

const Watcher = () => {
  useProjectionLiveUpdates();
  const projections = useProjections();
  return <span data-testid="head">{projections.data?.map((p) => `${p.name}:${p.position}/${p.head}`).join(',')}</span>;
};

const renderWatcher = () =>
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <EventStreamProvider eventTypes={['hook.created']}>
        <Watcher />
      </EventStreamProvider>
    </QueryClientProvider>,
  );

const aStatus = (head: number) => ({
  name: 'sessions',
  segments: 4,
  position: 7,
  head,
  replaying: false,
  running: true,
  deadLetters: 0,
  caughtUp: head === 7,
  rebuildable: true,
});

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useProjectionLiveUpdates', () => {
  it('refetches the progress when any event arrives, well before the next poll', async () => {
    let head = 7;
    const api = mockApi({ 'GET /api/admin/projections': () => jsonResponse([aStatus(head)]) });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('head')).toHaveTextContent('sessions:7/7'));

    head = 8;
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('hook.created', aDomainEvent({ type: 'hook.created' }), '8');
    });

    // The poll comes every 3 s; the event's refetch within a second shows it was the event.
    await waitFor(() => expect(screen.getByTestId('head')).toHaveTextContent('sessions:7/8'), { timeout: 1_000 });
    expect(api.callsTo('GET', '/api/admin/projections')).toHaveLength(2);
  });

  it('polls every few seconds while shown, with no event at all', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let head = 7;
    const api = mockApi({ 'GET /api/admin/projections': () => jsonResponse([aStatus(head)]) });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('head')).toHaveTextContent('sessions:7/7'));

    head = 9;
    await act(() => vi.advanceTimersByTimeAsync(PROJECTIONS_REFRESH_MS));

    await waitFor(() => expect(screen.getByTestId('head')).toHaveTextContent('sessions:7/9'));
    expect(api.callsTo('GET', '/api/admin/projections')).toHaveLength(2);
  });
});
