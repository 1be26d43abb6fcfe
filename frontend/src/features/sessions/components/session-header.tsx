import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CopyId } from '@/components/copy-id';
import { Fact as SharedFact } from '@/components/fact';
import { RelativeTime } from '@/components/relative-time';
import { humanize } from '@/lib/format';
import type { SessionView } from '../api/find-session';
import { SessionModeBadge, SessionStatusBadge } from './session-badges';
import { sessionTitle } from './sessions-table';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <SharedFact label={label}>{children ?? <span className="muted">—</span>}</SharedFact>
);

export type SessionHeaderProps = { session: SessionView; actions?: ReactNode };

export const SessionHeader = ({ session, actions }: SessionHeaderProps) => (
  <header className="session-header">
    <div className="session-header__top">
      <div className="session-header__heading">
        <p className="page-header__eyebrow">
          <Link to="/sessions">Sessions</Link> · <CopyId id={session.id} what="session" testId="session-copy-id" />
        </p>
        <h1 className="page-header__title" data-testid="session-title">
          {sessionTitle(session)}
        </h1>
        <div className="session-header__badges">
          <SessionStatusBadge status={session.status} testId="session-status" />
          <SessionModeBadge mode={session.mode} testId="session-mode" />
          {session.shared && (
            <span className="badge" data-testid="session-shared" title="Readable by everyone signed in">
              shared
            </span>
          )}
          <span className="muted">v{session.version}</span>
        </div>
        {session.description && <p className="session-header__description">{session.description}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
    <dl className="facts">
      <Fact label="Source">{humanize(session.source)}</Fact>
      <Fact label="Project">{session.projectName}</Fact>
      <Fact label="Branch">{session.branch && <code>{session.branch}</code>}</Fact>
      <Fact label="Environment">{session.environment}</Fact>
      <Fact label="Owner">{session.ownerName ?? session.ownerId}</Fact>
      <Fact label="Created">
        <RelativeTime value={session.createdAt} />
      </Fact>
      <Fact label="Last activity">
        <RelativeTime value={session.lastActivityAt} />
      </Fact>
      {session.completedAt && (
        <Fact label="Closed">
          <RelativeTime value={session.completedAt} />
        </Fact>
      )}
      {session.parentSessionId && (
        <Fact label="Forked from">
          <Link to={`/sessions/${session.parentSessionId}`}>parent session</Link>
        </Fact>
      )}
      <Fact label="Forks">{session.forkCount ?? 0}</Fact>
    </dl>
  </header>
);
