import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { Fact } from '@/components/fact';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { errorMessage } from '@/lib/api-client';
import { useEventStreamStatus } from '@/lib/event-stream';
import { elapsedMillis, formatCost, formatDuration, shortId } from '@/lib/format';
import { useRun } from '../api/find-run';
import { isRunActive, type RunView as RunRecord } from '../types';
import { CancelRunButton } from './cancel-run-button';
import { RunStateBadge } from './run-state-badge';
import { RunTurn } from './run-turn';

export type RunViewProps = {
  runId: string;
  /** Shown instead of the plain not-found page, e.g. the way to an old address that named a tool call. */
  notFound?: ReactNode;
  /** Just started from this page's caller: the read side may not have it yet, so a 404 is retried for a moment. */
  fresh?: boolean;
};

export const AgentRunNotFound = ({ runId }: { runId: string }) => (
  <NotFoundPage title="Run not found" testId="agent-run-not-found" backTo="/sessions" backLabel="Back to sessions">
    There is no run <code>{runId}</code> you may see.
  </NotFoundPage>
);

const RunFacts = ({ run }: { run: RunRecord }) => (
  <dl className="facts" data-testid="agent-run-facts">
    <Fact label="State">
      <RunStateBadge state={run.state} />
    </Fact>
    <Fact label="Runtime" testId="agent-run-fact-runtime">
      {run.runtime ?? '—'}
    </Fact>
    <Fact label="Model" testId="agent-run-fact-model">
      {run.model ?? '—'}
    </Fact>
    <Fact label="Steps">{run.steps ?? 0}</Fact>
    <Fact label="Tokens in / out" testId="agent-run-token-facts">
      {(run.inputTokens ?? 0).toLocaleString('en')} / {(run.outputTokens ?? 0).toLocaleString('en')}
    </Fact>
    <Fact label="Cost" testId="agent-run-cost-fact">
      {formatCost(run.cost ?? 0)}
    </Fact>
    <Fact label="Started">
      <RelativeTime value={run.startedAt} />
    </Fact>
    <Fact label="Ended">
      <RelativeTime value={run.endedAt} />
    </Fact>
    <Fact label="Duration">{formatDuration(run.endedAt ? elapsedMillis(run.startedAt, run.endedAt) : null)}</Fact>
    <Fact label="By">{run.ownerName ?? <span className="muted">someone</span>}</Fact>
    <Fact label="Session">
      <Link to={`/sessions/${encodeURIComponent(run.sessionId)}`} data-testid="agent-run-session-link">
        Open the session
      </Link>
    </Fact>
    <Fact label="Trace">
      {run.traceId ? (
        <Link to={`/traces/${encodeURIComponent(run.traceId)}`} data-testid="agent-run-trace">
          Span waterfall
        </Link>
      ) : (
        <span className="muted">—</span>
      )}
    </Fact>
  </dl>
);

const RunPage = ({ run, error }: { run: RunRecord; error: Error | null }) => (
  <div className="run-page" data-testid="agent-run-page">
    <PageHeader
      eyebrow={
        <>
          Agent run <code>{shortId(run.id)}</code>
        </>
      }
      title={run.prompt ? run.prompt.split('\n')[0] : 'Agent run'}
      actions={isRunActive(run.state) && <CancelRunButton runId={run.id} />}
    >
      <div className="run-header__badges">
        <RunStateBadge state={run.state} testId="agent-run-page-state" />
      </div>
    </PageHeader>
    {error && <Alert tone="warning">Showing the last loaded state: {errorMessage(error)}</Alert>}
    <div className="run-page__grid">
      <div className="run-page__main">
        <Panel title="Conversation" labelledBy="agent-run-conversation-title">
          <RunTurn run={run} onOwnPage />
        </Panel>
      </div>
      <aside className="run-page__side">
        <Panel title="Run" labelledBy="agent-run-facts-title">
          <RunFacts run={run} />
        </Panel>
      </aside>
    </div>
  </div>
);

/** One agent run: its prompt, streamed output, tool calls, answer or failure, usage, and the way to its trace. */
export const RunView = ({ runId, notFound, fresh = false }: RunViewProps) => {
  const streamLive = useEventStreamStatus() === 'live';
  const query = useRun(runId, { poll: !streamLive, fresh });
  return (
    <Loaded query={query} what="run" notFound={notFound ?? <AgentRunNotFound runId={runId} />} keepOnNotFound>
      {(run) => <RunPage run={run} error={query.error} />}
    </Loaded>
  );
};
