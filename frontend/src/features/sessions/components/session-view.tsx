import { Alert } from '@/components/alert';
import { Panel } from '@/components/panel';
import { Spinner } from '@/components/spinner';
import { errorMessage, isNotFound } from '@/lib/api-client';
import { Link } from 'react-router';
import { useSession } from '../api/find-session';
import { SessionArchiveButton } from './session-archive-button';
import { SessionEditForm } from './session-edit-form';
import { SessionForkButton } from './session-fork-button';
import { SessionShareToggle } from './session-share-toggle';
import { SessionHeader } from './session-header';
import { SessionModeToggle } from './session-mode-toggle';
import { SessionPromptBox } from './session-prompt-box';
import { SessionStatusActions } from './session-status-actions';
import { SessionTimeline } from './session-timeline';
import { sessionTitle } from './sessions-table';

export const SessionNotFound = ({ id }: { id: string }) => (
  <div className="empty-page" data-testid="session-not-found">
    <h1 className="page-header__title">Session not found or archived</h1>
    <p className="muted">
      There is no session <code>{id}</code> to show. It may never have existed, or it was archived: archived sessions
      leave lists and reads, while their history stays in the event store.
    </p>
    <Link className="button" to="/sessions">
      Back to sessions
    </Link>
  </div>
);

export type SessionViewProps = { id: string; onForked: (id: string) => void; onArchived: () => void };

/** Everything about one session: header, controls, prompt box, timeline and its editable details. */
export const SessionView = ({ id, onForked, onArchived }: SessionViewProps) => {
  const { data: session, error, isPending, refetch } = useSession(id);

  if (isNotFound(error)) return <SessionNotFound id={id} />;
  if (isPending) return <Spinner label="Loading session…" />;
  if (!session) {
    return (
      <Alert title="Could not load this session">
        <p>{errorMessage(error)}</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          Try again
        </button>
      </Alert>
    );
  }

  return (
    <div className="session-page">
      <SessionHeader
        session={session}
        actions={
          <>
            <SessionShareToggle sessionId={session.id} shared={session.shared ?? false} />
            <SessionForkButton sessionId={session.id} onForked={onForked} />
            <SessionArchiveButton sessionId={session.id} title={sessionTitle(session)} onArchived={onArchived} />
          </>
        }
      />
      {error && <Alert tone="warning">Showing the last loaded version: {errorMessage(error)}</Alert>}
      <div className="session-page__grid">
        <div className="session-page__main">
          <Panel title="Controls" labelledBy="session-controls-title">
            <SessionStatusActions session={session} />
            <SessionModeToggle session={session} />
          </Panel>
          <Panel title="Prompt" labelledBy="session-prompt-title">
            <SessionPromptBox session={session} />
          </Panel>
          <Panel
            title={`Timeline · ${session.interactionCount}`}
            labelledBy="session-timeline-title"
            className="panel--timeline"
          >
            <SessionTimeline interactions={session.interactions ?? []} totalCount={session.interactionCount} />
          </Panel>
        </div>
        <aside className="session-page__side">
          <Panel title="Details" labelledBy="session-details-title">
            <SessionEditForm session={session} />
          </Panel>
          {session.prompt && (
            <Panel title="Initial prompt" labelledBy="session-initial-prompt-title">
              <pre className="prompt-text">{session.prompt}</pre>
            </Panel>
          )}
        </aside>
      </div>
    </div>
  );
};
