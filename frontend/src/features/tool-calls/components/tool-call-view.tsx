import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Countdown } from '@/components/countdown';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { Fact } from '@/components/fact';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { RunStatusBadge } from '@/components/run-status-badge';
import { errorMessage } from '@/lib/api-client';
import { useEventStreamStatus } from '@/lib/event-stream';
import { formatDateTime, formatDuration, humanize, shortId } from '@/lib/format';
import { toolCallKeys } from '../api/tool-call-keys';
import { RUN_POLL_MS, useToolCall } from '../api/find-tool-call';
import { useRunHookCalls, useRunDeliveries, useRunHookWorkLiveUpdates } from '../api/list-run-hook-work';
import { useRunLiveUpdates } from '../api/run-live-updates';
import { awaitsRuntime, isActive, isCancellable, isFollowed, type ToolCallDetail } from '../types';
import { CancelRunButton } from './cancel-run-button';
import { OutcomeBadge, RuleRefText } from './run-badges';
import { RunOutputPane } from './run-output';
import { RunTrail } from './run-trail';
import { runTitle } from './tool-calls-table';


const ApprovalFacts = ({ run }: { run: ToolCallDetail }) => {
  const approval = run.approval;
  if (run.status === 'awaiting_approval') {
    return (
      <div className="run-approval" data-testid="run-approval">
        <p>
          <Badge tone="warning">waiting for a decision</Badge>{' '}
          {approval?.expiresAt && (
            <>
              expires <Countdown until={approval.expiresAt} />
            </>
          )}
        </p>
        <p>
          <Link to="/tool-calls/approvals" className="button" data-testid="run-open-approvals">
            Decide in Approvals
          </Link>
        </p>
      </div>
    );
  }
  if (!approval || (!approval.decision && !approval.decidedAt)) {
    return (
      <p className="muted" data-testid="run-approval">
        No human decision was needed.
      </p>
    );
  }
  return (
    <dl className="facts" data-testid="run-approval">
      <Fact label="Decision">
        <Badge tone={/^approve/.test(approval.decision ?? '') ? 'success' : 'danger'}>{approval.decision ?? '—'}</Badge>
      </Fact>
      <Fact label="By" testId="run-approval-by">
        {approval.decidedByEmail ?? approval.decidedBy ?? <span className="muted">—</span>}
      </Fact>
      <Fact label="When">
        <RelativeTime value={approval.decidedAt} />
      </Fact>
      <Fact label="Comment">{approval.comment ? <q>{approval.comment}</q> : <span className="muted">—</span>}</Fact>
    </dl>
  );
};

const DELIVERY_TONES: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = {
  delivered: 'success',
  retrying: 'warning',
  dead_lettered: 'danger',
};

/** What hooks did about the call: PreToolUse verdicts, webhook deliveries, and the calls command hooks started. */
const Hooks = ({ run }: { run: ToolCallDetail }) => {
  useRunHookWorkLiveUpdates(run.id);
  const deliveries = useRunDeliveries(run.id).data?.items ?? [];
  const hookCalls = useRunHookCalls(run.id).data?.items ?? [];
  const verdicts = run.hooks ?? [];
  if (verdicts.length === 0 && deliveries.length === 0 && hookCalls.length === 0) {
    return <p className="muted">No hook ran for this call.</p>;
  }
  return (
    <ul className="item-list" data-testid="run-hooks">
      {verdicts.map((hook) => (
        <li key={`${hook.hookId}-${hook.event}`} className="item-list__item">
          <span className="item-list__main">
            <Link to={`/hooks/${hook.hookId}`} className="item-list__title">
              {hook.name}
            </Link>
            <span className="item-list__meta muted">
              {hook.event}
              {hook.reason ? ` · ${hook.reason}` : ''}
            </span>
          </span>
          <Badge tone={/block|deny|fail/i.test(hook.verdict) ? 'danger' : 'neutral'}>{hook.verdict}</Badge>
        </li>
      ))}
      {deliveries.map((delivery) => (
        <li key={delivery.id} className="item-list__item" data-testid={`run-delivery-${delivery.id}`}>
          <span className="item-list__main">
            <Link to={`/hooks/${delivery.hookId}`} className="item-list__title">
              {delivery.hookName ?? shortId(delivery.hookId)}
            </Link>
            <span className="item-list__meta muted">
              {delivery.event} webhook · {delivery.attempts.length} {delivery.attempts.length === 1 ? 'attempt' : 'attempts'}
            </span>
          </span>
          <Badge tone={DELIVERY_TONES[delivery.status] ?? 'neutral'} data-testid="run-delivery-status">
            {delivery.status}
          </Badge>
        </li>
      ))}
      {hookCalls.map((call) => (
        <li key={call.id} className="item-list__item" data-testid={`run-hook-call-${call.id}`}>
          <span className="item-list__main">
            <Link to={`/tool-calls/${call.id}`} className="item-list__title">
              {call.summary ?? call.tool}
            </Link>
            <span className="item-list__meta muted">command hook</span>
          </span>
          <RunStatusBadge status={call.status} />
        </li>
      ))}
    </ul>
  );
};

export const RunNotFound = ({ id }: { id: string }) => (
  <NotFoundPage title="Run not found" testId="run-not-found" backTo="/tool-calls" backLabel="Back to tool calls">
    There is no run <code>{id}</code> you may see.
  </NotFoundPage>
);

export type ToolCallViewProps = { id: string; known?: ToolCallDetail };

/** One run: its status, decision, approval, hooks, live output and the decision trail. */
export const ToolCallView = ({ id, known }: ToolCallViewProps) => {
  const queryClient = useQueryClient();
  const streamLive = useEventStreamStatus() === 'live';
  useRunLiveUpdates(id);
  const query = useToolCall(id, { known, poll: !streamLive });
  const run = query.data;
  const active = isFollowed(run);

  // When the call ends (its own run, or the runtime's report of one), read the last of its output once more.
  const status = run?.status;
  const wasStatus = useRef(status);
  useEffect(() => {
    if (isActive(wasStatus.current) && !isActive(status)) void queryClient.invalidateQueries({ queryKey: toolCallKeys.output(id) });
    wasStatus.current = status;
  }, [status, id, queryClient]);

  return (
    <Loaded query={query} what="run" notFound={<RunNotFound id={id} />} keepOnNotFound>
      {(run) => <RunPage run={run} error={query.error} active={active} streamLive={streamLive} />}
    </Loaded>
  );
};

type RunPageProps = { run: ToolCallDetail; error: Error | null; active: boolean; streamLive: boolean };

const RunPage = ({ run, error, active, streamLive }: RunPageProps) => {
  return (
    <div className="run-page" data-testid="run-page">
      <PageHeader
        eyebrow={
          <>
            Run <code>{shortId(run.id)}</code> · {humanize(run.origin ?? 'runtime')}
          </>
        }
        title={runTitle(run)}
        actions={isCancellable(run.status) && <CancelRunButton id={run.id} />}
      >
        <div className="run-header__badges">
          <RunStatusBadge status={run.status} testId="run-status" />
          {run.summary && <code className="run-header__summary">{run.summary}</code>}
        </div>
      </PageHeader>
      {error && <Alert tone="warning">Showing the last loaded state: {errorMessage(error)}</Alert>}
      <div className="run-page__grid">
        <div className="run-page__main">
          <Panel title="Output" labelledBy="run-output-title">
            {awaitsRuntime(run) && (
              <p className="muted" data-testid="run-awaiting-runtime">
                Approved. Its runtime runs <code>{run.tool}</code> itself; the output and exit code appear here when it reports the
                result.
              </p>
            )}
            <RunOutputPane id={run.id} follow={active} />
          </Panel>
          <Panel title="Decision trail" labelledBy="run-trail-title">
            <RunTrail id={run.id} refetchInterval={active && !streamLive ? RUN_POLL_MS * 2 : false} />
          </Panel>
        </div>
        <aside className="run-page__side">
          <Panel title="Run" labelledBy="run-facts-title">
            <dl className="facts">
              <Fact label="Status">{humanize(run.status)}</Fact>
              <Fact label="Exit code" testId="run-exit-code">
                {run.exitCode ?? '—'}
              </Fact>
              <Fact label="Duration" testId="run-duration">
                {formatDuration(run.durationMs)}
              </Fact>
              <Fact label="Tool">
                <code>{run.tool}</code>
              </Fact>
              <Fact label="Requested">
                <span title={formatDateTime(run.requestedAt)}>
                  <RelativeTime value={run.requestedAt} />
                </span>
              </Fact>
              <Fact label="Finished">
                <RelativeTime value={run.finishedAt} />
              </Fact>
              {run.commandId && (
                <Fact label="Command">
                  <Link to={`/slash-commands/${run.commandId}`}>/{run.commandName ?? shortId(run.commandId)}</Link>
                </Fact>
              )}
              {run.sessionId && (
                <Fact label="Session">
                  <Link to={`/sessions/${run.sessionId}`}>{shortId(run.sessionId)}</Link>
                </Fact>
              )}
              {run.subagentId && (
                <Fact label="Subagent">
                  <Link to={`/subagents/${run.subagentId}`}>{shortId(run.subagentId)}</Link>
                </Fact>
              )}
            </dl>
          </Panel>
          <Panel title="Decision" labelledBy="run-decision-title">
            <dl className="facts" data-testid="run-decision">
              <Fact label="Outcome" testId="run-outcome">
                <OutcomeBadge outcome={run.outcome} />
              </Fact>
              <Fact label="Deciding rule" testId="run-decided-by">
                <RuleRefText value={run.decidedBy} />
              </Fact>
              <Fact label="Reason" testId="run-reason">
                {run.reason ?? <span className="muted">—</span>}
              </Fact>
            </dl>
          </Panel>
          <Panel title="Approval" labelledBy="run-approval-title">
            <ApprovalFacts run={run} />
          </Panel>
          <Panel title="Hooks" labelledBy="run-hooks-title">
            <Hooks run={run} />
          </Panel>
          {run.input && (
            <Panel title="Input" labelledBy="run-input-title">
              <pre className="prompt-text" data-testid="run-input">
                {JSON.stringify(run.input, null, 2)}
              </pre>
            </Panel>
          )}
        </aside>
      </div>
    </div>
  );
};
