import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { DetailPage } from '@/components/detail-page';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { Fact } from '@/components/fact';
import { OwnershipBadges } from '@/components/ownership-badges';
import { PageHeader } from '@/components/page-header';
import { Pagination } from '@/components/pagination';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { RunStatusBadge } from '@/components/run-status-badge';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatDuration, shortId } from '@/lib/format';
import { useCommand } from '../api/find-command';
import { useCommandRuns } from '../api/list-command-runs';
import { formatToolList } from '@/lib/tool-list';
import { kindOf, type CommandDetail, type StartedRun } from '../types';
import { CommandDeleteButton, CommandExportButton } from './command-actions';
import { CommandForm } from './command-form';
import { CommandRunDialog } from './command-run-dialog';


const none = <span className="muted">—</span>;

const CommandRuns = ({ command }: { command: CommandDetail }) => {
  const [page, setPage] = useState(0);
  const runs = useCommandRuns(command.id, page);
  if (runs.isPending) return <Spinner label="Loading runs…" />;
  if (runs.isError && !runs.data) return <Alert title="Could not load runs">{errorMessage(runs.error)}</Alert>;
  const data = runs.data;
  return (
    <>
      <ul className="item-list" data-testid="command-runs">
        {data.items.length === 0 && <li className="item-list__empty muted">Not run yet.</li>}
        {data.items.map((run) => (
          <li key={run.id} className="item-list__item" data-testid={`command-run-${run.id}`}>
            <span className="item-list__main">
              <Link to={`/tool-calls/${run.id}`} className="item-list__title">
                Run {shortId(run.id)}
              </Link>
              <span className="item-list__meta muted">
                <RelativeTime value={run.requestedAt} />
                {run.exitCode !== null && run.exitCode !== undefined ? ` · exit ${run.exitCode}` : ''}
                {run.durationMs !== null && run.durationMs !== undefined ? ` · ${formatDuration(run.durationMs)}` : ''}
              </span>
            </span>
            <RunStatusBadge status={run.status} />
          </li>
        ))}
      </ul>
      {data.totalPages > 1 && (
        <Pagination page={data.page} totalPages={data.totalPages} totalItems={data.totalItems} itemLabel="runs" onPageChange={setPage} />
      )}
      <Link to={`/tool-calls?commandId=${command.id}`}>All runs of /{command.name} →</Link>
    </>
  );
};

export const CommandNotFound = ({ id }: { id: string }) => (
  <NotFoundPage title="Slash command not found" testId="command-not-found" backTo="/slash-commands" backLabel="Back to slash commands">
    There is no command <code>{id}</code> you may see: it was deleted, or it is someone else's and not shared.
  </NotFoundPage>
);

export type CommandViewProps = { id: string; onStarted: (run: StartedRun) => void; onDeleted: () => void };

type CommandDetailPageProps = Omit<CommandViewProps, 'id'> & { command: CommandDetail; error: Error | null };

const CommandDetailPage = ({ command, error, onStarted, onDeleted }: CommandDetailPageProps) => {
  const [running, setRunning] = useState(false);
  return (
    <DetailPage
      testId="command-view"
      header={
        <>
          <PageHeader
            eyebrow="Slash command"
            title={<code className="page-header__code">/{command.name}</code>}
            actions={
              <>
                <button type="button" className="button button--primary" onClick={() => setRunning(true)} data-testid="command-run-button">
                  ▶ Run
                </button>
                <CommandExportButton id={command.id} name={command.name} />
                {command.mine && <CommandDeleteButton id={command.id} name={command.name} onDeleted={onDeleted} />}
              </>
            }
          >
            <OwnershipBadges mine={command.mine} shared={command.shared} description={command.description} />
          </PageHeader>
          {error && <Alert tone="warning">Showing the last loaded version: {errorMessage(error)}</Alert>}
        </>
      }
      main={
        <>
          {command.mine ? (
            <Panel title="Edit" labelledBy="command-edit-title">
              <CommandForm mode="edit" command={command} />
            </Panel>
          ) : (
            <Panel title={kindOf(command) === 'prompt' ? 'Prompt template' : 'Script'} labelledBy="command-script-title">
              <p className="muted">Shared by its owner: you may run it, not change it.</p>
              <pre className="code-block" data-testid="command-script-view">
                {command.script}
              </pre>
            </Panel>
          )}
        </>
      }
      side={
        <>
          <Panel title="Details" labelledBy="command-details-title">
            <dl className="facts">
              <Fact label="Kind">
                <span data-testid="command-kind-view">{kindOf(command) === 'prompt' ? 'prompt (run by the agent)' : 'script (Bash)'}</span>
              </Fact>
              <Fact label="Runs">{command.runCount}</Fact>
              <Fact label="Last run">
                {command.lastRunStatus ? (
                  <>
                    <RunStatusBadge status={command.lastRunStatus} /> <RelativeTime value={command.lastRunAt} />
                  </>
                ) : (
                  'never'
                )}
              </Fact>
              <Fact label="Arguments">{command.argumentHint ? <code>{command.argumentHint}</code> : none}</Fact>
              <Fact label="Working directory">{command.workingDirectory ? <code>{command.workingDirectory}</code> : none}</Fact>
              <Fact label="Model">{command.model ?? none}</Fact>
              <Fact label="Allowed tools">{command.allowedTools?.length ? <code>{formatToolList(command.allowedTools)}</code> : none}</Fact>
              <Fact label="Updated">
                <RelativeTime value={command.updatedAt} />
              </Fact>
              {command.frontmatter && Object.keys(command.frontmatter).length > 0 && (
                <Fact label="Other frontmatter">
                  <code>{Object.keys(command.frontmatter).join(', ')}</code>
                </Fact>
              )}
            </dl>
          </Panel>
          <Panel title="Recent runs" labelledBy="command-runs-title">
            <CommandRuns command={command} />
          </Panel>
        </>
      }
    >
      {running && <CommandRunDialog command={command} onClose={() => setRunning(false)} onStarted={onStarted} />}
    </DetailPage>
  );
};

/** One slash command: run it, edit it (if it is yours), export it, and see its runs. */
export const CommandView = ({ id, onStarted, onDeleted }: CommandViewProps) => {
  const query = useCommand(id);
  return (
    <Loaded query={query} what="command" notFound={<CommandNotFound id={id} />}>
      {(command) => <CommandDetailPage command={command} error={query.error} onStarted={onStarted} onDeleted={onDeleted} />}
    </Loaded>
  );
};
