import type { ReactNode } from 'react';
import { Alert } from '@/components/alert';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { Panel } from '@/components/panel';
import { errorMessage } from '@/lib/api-client';
import { useSession, type SessionView as SessionRecord } from '../api/find-session';
import { SessionArchiveButton } from './session-archive-button';
import { SessionEditForm } from './session-edit-form';
import { SessionForkButton } from './session-fork-button';
import { SessionShareToggle } from './session-share-toggle';
import { SessionHeader } from './session-header';
import { SessionModeToggle } from './session-mode-toggle';
import { SessionStatusActions } from './session-status-actions';
import { SessionTimeline } from './session-timeline';
import { sessionTitle } from './sessions-table';

export const SessionNotFound = ({ id }: { id: string }) => (
  <NotFoundPage title="Session not found or archived" testId="session-not-found" backTo="/sessions" backLabel="Back to sessions">
    There is no session <code>{id}</code> to show. It may never have existed, or it was archived: archived sessions
    leave lists and reads, while their history stays in the event store.
  </NotFoundPage>
);

export type SessionViewProps = {
  id: string;
  onForked: (id: string) => void;
  onArchived: () => void;
  /** The prompts, the runs answering them and the prompt box; runs are their own feature, composed in by the page. */
  conversation: (session: SessionRecord) => ReactNode;
};

const SessionPage = ({ session, error, onForked, onArchived, conversation }: Omit<SessionViewProps, 'id'> & { session: SessionRecord; error: Error | null }) => {
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
          <Panel title="Conversation" labelledBy="session-conversation-title" className="panel--conversation">
            {conversation(session)}
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

/** Everything about one session: header, controls, conversation, timeline and its editable details. */
export const SessionView = ({ id, onForked, onArchived, conversation }: SessionViewProps) => {
  const query = useSession(id);
  return (
    <Loaded query={query} what="session" notFound={<SessionNotFound id={id} />}>
      {(session) => <SessionPage session={session} error={query.error} onForked={onForked} onArchived={onArchived} conversation={conversation} />}
    </Loaded>
  );
};
