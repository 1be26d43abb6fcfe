import { Link } from 'react-router';
import { DataTable } from '@/components/data-table';
import { RelativeTime } from '@/components/relative-time';
import { humanize } from '@/lib/format';
import type { SessionSummary } from '../types';
import { SessionModeBadge, SessionStatusBadge } from './session-badges';

export const sessionTitle = (session: { title: string | null }): string => session.title?.trim() || 'Untitled session';

const Workspace = ({ session }: { session: SessionSummary }) => {
  if (!session.projectName && !session.branch) return <span className="muted">—</span>;
  return (
    <span className="workspace">
      {session.projectName && <span className="workspace__project">{session.projectName}</span>}
      {session.branch && <code className="workspace__branch">{session.branch}</code>}
    </span>
  );
};

export type SessionsTableProps = { sessions: SessionSummary[]; busy?: boolean; emptyMessage?: string };

export const SessionsTable = ({ sessions, busy = false, emptyMessage = 'No sessions yet.' }: SessionsTableProps) => (
  <DataTable
    testId="sessions-table"
    caption="Sessions, most recent activity first"
    columns={['Title', 'Status', 'Mode', 'Source', 'Project / branch', { label: 'Interactions', numeric: true }, 'Last activity']}
    rows={sessions}
    empty={emptyMessage}
    busy={busy}
  >
    {(session) => (
      <tr key={session.id} data-testid="session-row" data-session-id={session.id}>
        <th scope="row" className="table__title">
          <Link to={`/sessions/${session.id}`} data-testid="session-link">
            {sessionTitle(session)}
          </Link>
          {session.parentSessionId && <span className="table__fork-note">fork</span>}
        </th>
        <td>
          <SessionStatusBadge status={session.status} />
        </td>
        <td>
          <SessionModeBadge mode={session.mode} />
        </td>
        <td>{humanize(session.source)}</td>
        <td>
          <Workspace session={session} />
        </td>
        <td className="table__num">{session.interactionCount}</td>
        <td>
          <RelativeTime value={session.lastActivityAt ?? session.createdAt} />
        </td>
      </tr>
    )}
  </DataTable>
);
