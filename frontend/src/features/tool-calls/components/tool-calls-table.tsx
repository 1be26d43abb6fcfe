import { Link } from 'react-router';
import { DataTable } from '@/components/data-table';
import { RelativeTime } from '@/components/relative-time';
import { RunStatusBadge } from '@/components/run-status-badge';
import { formatDuration, humanize, shortId } from '@/lib/format';
import type { ToolCallSummary } from '../types';
import { OutcomeBadge } from './run-badges';

export const runTitle = (run: Pick<ToolCallSummary, 'commandName' | 'tool'>): string =>
  run.commandName ? `/${run.commandName}` : run.tool;

export type ToolCallsTableProps = { runs: ToolCallSummary[]; busy?: boolean; emptyMessage?: string };

export const ToolCallsTable = ({ runs, busy = false, emptyMessage = 'No runs yet.' }: ToolCallsTableProps) => (
  <DataTable
    testId="runs-table"
    caption="Runs, newest first"
    columns={['Run', 'Command', 'Status', 'Decision', 'Origin', { label: 'Exit', numeric: true }, { label: 'Duration', numeric: true }, 'Requested']}
    rows={runs}
    empty={emptyMessage}
    busy={busy}
  >
    {(run) => (
      <tr key={run.id} data-testid={`run-row-${run.id}`}>
        <th scope="row" className="table__title">
          <Link to={`/tool-calls/${run.id}`} data-testid="run-link">
            {runTitle(run)} <span className="muted">#{shortId(run.id)}</span>
          </Link>
        </th>
        <td className="table__summary">
          {run.summary ? <code title={run.summary}>{run.summary}</code> : <span className="muted">—</span>}
        </td>
        <td>
          <RunStatusBadge status={run.status} />
        </td>
        <td>
          <OutcomeBadge outcome={run.outcome} />
        </td>
        <td>{humanize(run.origin ?? '—')}</td>
        <td className="table__num">{run.exitCode ?? '—'}</td>
        <td className="table__num">{formatDuration(run.durationMs)}</td>
        <td>
          <RelativeTime value={run.requestedAt} />
        </td>
      </tr>
    )}
  </DataTable>
);
