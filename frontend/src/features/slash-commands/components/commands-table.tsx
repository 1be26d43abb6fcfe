import { Link } from 'react-router';
import { Badge } from '@/components/badge';
import { DataTable } from '@/components/data-table';
import { RelativeTime } from '@/components/relative-time';
import { RunStatusBadge } from '@/components/run-status-badge';
import { kindOf, type CommandSummary } from '../types';

export type CommandsTableProps = {
  commands: CommandSummary[];
  busy?: boolean;
  emptyMessage: string;
  onRun: (command: CommandSummary) => void;
};

export const CommandsTable = ({ commands, busy = false, emptyMessage, onRun }: CommandsTableProps) => (
  <DataTable
    testId="commands-table"
    caption="Slash commands"
    columns={['Command', 'Description', { label: 'Runs', numeric: true }, 'Last run', 'Owner', { label: 'Actions', hidden: true }]}
    rows={commands}
    empty={emptyMessage}
    busy={busy}
  >
    {(command) => (
      <tr key={command.id} data-testid={`command-row-${command.name}`} data-command-id={command.id}>
        <th scope="row" className="table__title">
          <Link to={`/slash-commands/${command.id}`} data-testid="command-link">
            /{command.name}
          </Link>
          {/* Under the name, as it is typed after it: one column fewer keeps Run in view beside the import panel. */}
          {command.argumentHint && (
            <code className="table__subline" data-testid="command-argument-hint-view">
              {command.argumentHint}
            </code>
          )}
        </th>
        <td className="table__description">{command.description || <span className="muted">—</span>}</td>
        <td className="table__num" data-testid="command-run-count">
          {command.runCount}
        </td>
        <td data-testid="command-last-run">
          {command.lastRunStatus ? (
            <Link to={`/tool-calls?commandId=${command.id}`} className="last-run" title="Runs of this command">
              <RunStatusBadge status={command.lastRunStatus} /> <RelativeTime value={command.lastRunAt} />
            </Link>
          ) : (
            <span className="muted">never run</span>
          )}
        </td>
        <td>
          <span className="badges">
            {kindOf(command) === 'prompt' ? (
              <Badge tone="info" data-testid="command-kind-badge">
                prompt
              </Badge>
            ) : null}
            {command.mine ? <Badge tone="muted">mine</Badge> : null}
            {command.shared ? <Badge tone="info">shared</Badge> : null}
          </span>
        </td>
        <td className="table__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => onRun(command)}
            data-testid="command-run-button"
            aria-label={`Run /${command.name}`}
          >
            ▶ Run
          </button>
        </td>
      </tr>
    )}
  </DataTable>
);
