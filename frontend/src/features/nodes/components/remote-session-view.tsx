import { useState } from 'react';
import { Badge } from '@/components/badge';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { PageHeader } from '@/components/page-header';
import { Paged, type PagedLabels } from '@/components/paged';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { useRemoteSession, useRemoteSessionEvents } from '../api/find-remote-session';
import type { ForwardedEvent } from '../types';

const EVENT_LABELS: PagedLabels = { loading: 'Loading events…', failed: 'Could not load the timeline', counted: ['event', 'events'] };

/** A payload shown as sent: the origin decided what left it, and this node only shows what arrived. */
const Payload = ({ event }: { event: ForwardedEvent }) =>
  Object.keys(event.payload).length === 0 ? null : <pre className="timeline__payload">{JSON.stringify(event.payload, null, 2)}</pre>;

const Timeline = ({ nodeId, sessionId }: { nodeId: string; sessionId: string }) => {
  const [page, setPage] = useState(0);
  const events = useRemoteSessionEvents(nodeId, sessionId, page);
  return (
    <Paged query={events} {...EVENT_LABELS} onPageChange={setPage}>
      {(loaded) => (
        <ol className="item-list" data-testid="remote-session-timeline">
          {loaded.items.map((event) => (
            <li key={event.eventId} className="item-list__item" data-testid="remote-session-event">
              <div className="item-list__main">
                <span className="item-list__title">
                  {event.seq !== null && <code>#{event.seq}</code>} {event.type}
                </span>
                <span className="item-list__meta muted">
                  <RelativeTime value={event.occurredAt} /> on {event.sourceNodeId}
                </span>
                <Payload event={event} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Paged>
  );
};

/** A session another node forwarded: its folded row and its timeline, read-only (the origin owns it). */
export const RemoteSessionView = ({ nodeId, sessionId }: { nodeId: string; sessionId: string }) => {
  const session = useRemoteSession(nodeId, sessionId);
  return (
    <Loaded
      query={session}
      what="forwarded session"
      notFound={
        <NotFoundPage title="No such forwarded session" testId="remote-session-not-found" backTo="/sessions?includeForwarded=true" backLabel="All sessions">
          Node {nodeId} has forwarded no session {sessionId} here.
        </NotFoundPage>
      }
    >
      {(loaded) => (
        <div className="page" data-testid="remote-session">
          <PageHeader title={loaded.title || 'Untitled session'} eyebrow={`Forwarded by ${loaded.sourceNodeId} · read-only`} />
          <p>
            <Badge tone="info">{loaded.status ?? 'unknown status'}</Badge> {loaded.eventCount} events · last{' '}
            <RelativeTime value={loaded.lastEventAt} /> ({loaded.lastEventType})
          </p>
          <Panel title="Timeline" labelledBy="remote-session-timeline-title">
            <Timeline nodeId={nodeId} sessionId={sessionId} />
          </Panel>
        </div>
      )}
    </Loaded>
  );
};
