import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { RelativeTime } from '@/components/relative-time';
import { isRunActive, type RunView } from '../types';
import { CancelRunButton } from './cancel-run-button';
import { RunStateBadge } from './run-state-badge';
import { RunToolCalls } from './run-tool-calls';
import { RunUsageLine } from './run-usage-line';

export type RunTurnProps = {
  run: RunView;
  /** On the run's own page the link to it and the Cancel button (the page header has it) are left out. */
  onOwnPage?: boolean;
};

/** A failure says what failed, with its code; never shown as if it were an answer. */
const RunError = ({ run }: { run: RunView }) => (
  <Alert title={`Run failed${run.errorCode ? ` · ${run.errorCode}` : ''}`} testId="agent-run-error">
    {run.error ?? 'The node gave no reason.'}
  </Alert>
);

/** The text of the run: streamed so far while it runs, the answer once it completed. */
const RunText = ({ run }: { run: RunView }) => {
  const active = isRunActive(run.state);
  if (run.state === 'completed') {
    return (
      <pre className="run-turn__answer" data-testid="agent-run-answer">
        {run.answer ?? run.output ?? ''}
      </pre>
    );
  }
  if (!run.output) {
    return active ? (
      <p className="muted run-turn__waiting" data-testid="agent-run-output-waiting">
        <span className="live-dot" aria-hidden="true" /> {run.state === 'awaiting_approval' ? 'Waiting for a decision…' : 'Thinking…'}
      </p>
    ) : null;
  }
  return (
    <pre className={['run-turn__answer', active ? 'run-turn__answer--streaming' : ''].filter(Boolean).join(' ')} data-testid="agent-run-output-streamed" aria-live="polite">
      {run.output}
      {active && <span className="run-turn__cursor" aria-hidden="true" />}
    </pre>
  );
};

/** One prompt and the run answering it: streamed text, tool calls, fallbacks, the answer or the failure, and what it cost. */
export const RunTurn = ({ run, onOwnPage = false }: RunTurnProps) => (
  <article className="run-turn" data-testid={`agent-run-turn-${run.id}`} data-state={run.state} aria-label="Prompt and its run">
    {run.prompt !== null && run.prompt !== undefined && (
      <div className="run-turn__prompt" data-testid="agent-run-prompt">
        <div className="run-turn__meta">
          <span className="run-turn__who">{run.ownerName ?? 'You'}</span>
          <RelativeTime value={run.startedAt} />
        </div>
        <pre className="prompt-text">{run.prompt}</pre>
      </div>
    )}
    <div className="run-turn__reply">
      <div className="run-turn__meta">
        <span className="run-turn__who">Agent</span>
        <RunStateBadge state={run.state} testId="agent-run-state" />
        <span className="muted" data-testid="agent-run-runtime">
          {run.runtime ?? 'no runtime'}
          {run.model ? ` · ${run.model}` : ''}
        </span>
        <span className="run-turn__links">
          {!onOwnPage && (
            <Link to={`/runs/${encodeURIComponent(run.id)}`} data-testid="agent-run-link">
              Run
            </Link>
          )}
          {run.traceId && (
            <Link to={`/traces/${encodeURIComponent(run.traceId)}`} data-testid="agent-run-trace-link">
              Trace
            </Link>
          )}
        </span>
        {isRunActive(run.state) && !onOwnPage && (
          <span className="run-turn__cancel">
            <CancelRunButton runId={run.id} />
          </span>
        )}
      </div>
      {(run.fallbacks ?? []).length > 0 && (
        <ul className="run-turn__notes" data-testid="agent-run-fallbacks" aria-label="Runtime fallbacks">
          {(run.fallbacks ?? []).map((fallback, index) => (
            <li key={`${index}-${fallback}`} className="run-turn__note" data-testid="agent-run-fallback">
              <span aria-hidden="true">↪</span> Fell back: {fallback}
            </li>
          ))}
        </ul>
      )}
      {(run.toolCalls ?? []).length > 0 && <RunToolCalls runId={run.id} calls={run.toolCalls ?? []} />}
      <RunText run={run} />
      {run.state === 'failed' && <RunError run={run} />}
      {run.state === 'cancelled' && (
        <p className="muted" data-testid="agent-run-cancelled">
          Cancelled{run.output ? '; the text above is what had streamed by then' : ''}.
        </p>
      )}
      <RunUsageLine run={run} />
    </div>
  </article>
);
