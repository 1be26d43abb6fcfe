import { Link } from 'react-router';
import { Badge } from '@/components/badge';
import { RunStatusBadge } from '@/components/run-status-badge';
import type { RunToolCall } from '../types';
import { InlineDecision } from './inline-decision';

/** `Bash` shows its command; other tools their input as compact JSON. */
export const toolCallSummary = (call: Pick<RunToolCall, 'tool' | 'input'>): string => {
  const command = call.input?.command;
  if (typeof command === 'string') return command;
  const filePath = call.input?.file_path ?? call.input?.path;
  if (typeof filePath === 'string') return filePath;
  return call.input && Object.keys(call.input).length > 0 ? JSON.stringify(call.input) : '';
};

/** The tool calls the model asked for in this run: each with its status, what went back, and its page. */
export const RunToolCalls = ({ runId, calls }: { runId: string; calls: readonly RunToolCall[] }) => (
  <ol className="run-tools" data-testid="agent-run-tool-calls" aria-label="Tool calls">
    {calls.map((call) => (
      <li key={call.toolCallId} className="run-tools__item" data-testid={`agent-run-tool-call-${call.toolCallId}`}>
        <div className="run-tools__head">
          <code className="run-tools__tool">{call.tool}</code>
          <code className="run-tools__summary">{toolCallSummary(call)}</code>
          <RunStatusBadge status={call.status} testId="agent-run-tool-call-status" />
          {call.error && <Badge tone="danger">sent back as an error</Badge>}
        </div>
        {call.status === 'awaiting_approval' && (
          <p className="run-tools__approval" data-testid="agent-run-tool-call-approval">
            <Badge tone="warning">waiting for a decision</Badge> The run goes on once someone decides.{' '}
            <Link to={`/tool-calls/${encodeURIComponent(call.toolCallId)}`} className="button" data-testid="agent-run-tool-call-decide">
              Open the call
            </Link>{' '}
            <Link to="/tool-calls/approvals">All approvals</Link>
          </p>
        )}
        {call.status === 'awaiting_approval' && <InlineDecision toolCallId={call.toolCallId} runId={runId} />}
        {call.output && (
          <pre className="run-tools__output" data-testid="agent-run-tool-call-output">
            {call.output}
          </pre>
        )}
        {call.status !== 'awaiting_approval' && (
          <Link to={`/tool-calls/${encodeURIComponent(call.toolCallId)}`} className="run-tools__link">
            Decision, hooks and full output
          </Link>
        )}
      </li>
    ))}
  </ol>
);
