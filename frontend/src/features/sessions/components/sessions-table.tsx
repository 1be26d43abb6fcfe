import { Link } from 'react-router';
import { DataTable } from '@/components/data-table';
import { RelativeTime } from '@/components/relative-time';
import { humanize } from '@/lib/format';
import { Badge } from '@/components/badge';
import { remoteSessionPath } from '../api/list-sessions';
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

/** Which node a row came from: this one, or the node that forwarded it (by the name its source was registered under). */
export const NodeBadge = ({ session }: { session: SessionSummary }) =>
  !session.sourceNodeId || session.sourceNodeId === 'local' ? (
    <Badge tone="muted" title="This node's session">
      local
    </Badge>
  ) : (
    <Badge tone="info" title={`Forwarded by node ${session.sourceNodeId}`} data-testid="session-node-badge">
      {session.sourceNodeName || session.sourceNodeId}
    </Badge>
  );

export type SessionsTableProps = { sessions: SessionSummary[]; busy?: boolean; emptyMessage?: string; showNode?: boolean };

const COLUMNS = ['Title', 'Status', 'Mode', 'Source', 'Project / branch', { label: 'Interactions', numeric: true }, 'Last activity'] as const;

export const SessionsTable = ({ sessions, busy = false, emptyMessage = 'No sessions yet.', showNode = false }: SessionsTableProps) => (
  <DataTable
    testId="sessions-table"
    caption="Sessions, most recent activity first"
    columns={showNode ? [...COLUMNS.slice(0, 4), 'Node', ...COLUMNS.slice(4)] : [...COLUMNS]}
    rows={sessions}
    empty={emptyMessage}
    busy={busy}
  >
    {(session) => (
      <tr key={`${session.sourceNodeId ?? 'local'}/${session.id}`} data-testid="session-row" data-session-id={session.id}>
        <th scope="row" className="table__title">
          <Link to={remoteSessionPath(session) ?? `/sessions/${session.id}`} data-testid="session-link">
            {sessionTitle(session)}
          </Link>
          {session.parentSessionId && <span className="table__fork-note">fork</span>}
        </th>
        <td>{session.status ? <SessionStatusBadge status={session.status} /> : <span className="muted">—</span>}</td>
        <td>{session.mode ? <SessionModeBadge mode={session.mode} /> : <span className="muted">—</span>}</td>
        <td>{session.source ? humanize(session.source) : <span className="muted">—</span>}</td>
        {showNode && (
          <td>
            <NodeBadge session={session} />
          </td>
        )}
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
