import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { RemoteSessionView } from './remote-session-view';

describe('RemoteSessionView', () => {
  it('shows a forwarded session and its timeline in the origin order, with no way to change it', async () => {
    mockApi({
      'GET /api/forwarding/sessions/node-a/far-1': () =>
        jsonResponse({
          sourceNodeId: 'node-a',
          sessionId: 'far-1',
          title: 'Far away',
          status: 'paused',
          eventCount: 2,
          firstEventAt: '2026-12-01T10:00:01Z',
          lastEventAt: '2026-12-01T10:00:02Z',
          lastEventType: 'SessionPaused',
        }),
      'GET /api/forwarding/sessions/node-a/far-1/events': () =>
        jsonResponse(
          aPage([
            { sourceNodeId: 'node-a', eventId: 'e1', seq: 1, type: 'SessionStarted', aggregateType: 'Session', aggregateId: 'far-1', occurredAt: '2026-12-01T10:00:01Z', receivedAt: '2026-12-01T10:00:03Z', payload: { title: 'Far away' } },
            { sourceNodeId: 'node-a', eventId: 'e2', seq: 2, type: 'SessionPaused', aggregateType: 'Session', aggregateId: 'far-1', occurredAt: '2026-12-01T10:00:02Z', receivedAt: '2026-12-01T10:00:03Z', payload: {} },
          ]),
        ),
    });

    renderWithProviders(<RemoteSessionView nodeId="node-a" sessionId="far-1" />);

    expect(await screen.findByRole('heading', { name: 'Far away' })).toBeInTheDocument();
    expect(screen.getByText(/Forwarded by node-a · read-only/)).toBeInTheDocument();
    const events = await screen.findAllByTestId('remote-session-event');
    expect(events.map((event) => event.textContent)).toEqual([expect.stringContaining('#1 SessionStarted'), expect.stringContaining('#2 SessionPaused')]);
    expect(screen.queryAllByRole('button', { name: /pause|resume|archive|rename|share/i })).toHaveLength(0);
  });

  it('says so when the node forwarded no such session', async () => {
    mockApi({
      'GET /api/forwarding/sessions/node-a/nope': () =>
        jsonResponse({ code: 'FORWARDING_SESSION_NOT_FOUND', status: 404 }, { status: 404 }),
    });
    renderWithProviders(<RemoteSessionView nodeId="node-a" sessionId="nope" />);
    expect(await screen.findByTestId('remote-session-not-found')).toBeInTheDocument();
  });
});
