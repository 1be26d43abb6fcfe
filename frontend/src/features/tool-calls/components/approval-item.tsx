import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/badge';
import { Countdown } from '@/components/countdown';
import { RelativeTime } from '@/components/relative-time';
import { errorMessage, problemCode } from '@/lib/api-client';
import { shortId } from '@/lib/format';
import { useDecideApproval } from '../api/decide-approval';
import { APPROVAL_ALREADY_DECIDED, APPROVAL_INPUT_CHANGED, type Approval, type Decision, type RuleRef } from '../types';
import { ruleRefOf } from './run-badges';

export type Notice = { tone: 'info' | 'warning' | 'error'; text: string };

const AskingRule = ({ value }: { value: RuleRef | string | null }) => {
  const rule = ruleRefOf(value);
  if (!rule) return <span className="muted">no rule matched (ask by default)</span>;
  return (
    <>
      <code>{rule.rule}</code>
      {rule.scope && <span className="muted"> · {rule.scope}</span>}
      {rule.policy && <span className="muted"> · policy {rule.policy}</span>}
    </>
  );
};

/** What the refusal of a decision means, in words. */
export const refusalNotice = (error: unknown, what: string): Notice => {
  switch (problemCode(error)) {
    case APPROVAL_INPUT_CHANGED:
      return {
        tone: 'warning',
        text: `The input of ${what} changed after it was shown, so your decision was not applied. The inbox was refreshed: review the new input and decide again.`,
      };
    case APPROVAL_ALREADY_DECIDED:
      return {
        tone: 'warning',
        text: `${what} was already decided (by someone else, or it expired). The inbox was refreshed.`,
      };
    default:
      return { tone: 'error', text: `Could not decide ${what}: ${errorMessage(error)}` };
  }
};

/**
 * Exactly what the approval lets run: the whole command of a shell call (every line, not the one-line summary),
 * otherwise the whole input. The decision is bound to this input's hash, so nothing of it may be hidden.
 */
export const approvalText = (approval: Pick<Approval, 'input' | 'summary'>): string => {
  const command = approval.input?.command;
  if (typeof command === 'string') return command;
  if (approval.input && Object.keys(approval.input).length > 0) return JSON.stringify(approval.input, null, 2);
  return approval.summary ?? '';
};

export type ApprovalItemProps = { approval: Approval; onNotice: (toolCallId: string, notice: Notice) => void };

/** One call waiting for a decision (or decided): what it would do, why it asks, and one-click Approve / Deny. */
export const ApprovalItem = ({ approval, onNotice }: ApprovalItemProps) => {
  const id = approval.toolCallId;
  const commentId = useId();
  const [comment, setComment] = useState('');
  const decide = useDecideApproval();
  const pending = approval.status === 'pending';
  const what = approval.commandName ? `/${approval.commandName}` : approval.tool;

  const send = (decision: Decision) =>
    decide.mutate(
      { toolCallId: id, decision, inputHash: approval.inputHash, comment },
      {
        onSuccess: () =>
          onNotice(id, { tone: 'info', text: `${decision === 'approve' ? 'Approved' : 'Denied'} ${what}${approval.summary ? `: ${approval.summary}` : ''}.` }),
        onError: (error) => onNotice(id, refusalNotice(error, what)),
      },
    );

  return (
    <li className={`approval approval--${approval.status}`} data-testid={`approval-item-${id}`} data-status={approval.status}>
      <div className="approval__head">
        <span className="approval__what">
          <Badge tone="neutral">{approval.tool}</Badge>
          {approval.commandName && <strong>/{approval.commandName}</strong>}
        </span>
        <span className="approval__times muted">
          asked <RelativeTime value={approval.requestedAt} />
          {pending && approval.expiresAt && (
            <>
              {' · expires '}
              <Countdown until={approval.expiresAt} testId={`approval-expires-${id}`} />
            </>
          )}
          {!pending && (
            <>
              {' · '}
              <Badge tone={approval.status === 'approved' ? 'success' : approval.status === 'denied' ? 'danger' : 'muted'}>
                {approval.status}
              </Badge>
            </>
          )}
        </span>
      </div>
      <pre className="approval__summary" data-testid={`approval-summary-${id}`}>
        {approvalText(approval)}
      </pre>
      <dl className="approval__facts">
        <div>
          <dt>Asked by rule</dt>
          <dd data-testid={`approval-rule-${id}`}>
            <AskingRule value={approval.decidedBy} />
          </dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>
            {approval.sessionId ? <Link to={`/sessions/${approval.sessionId}`}>{shortId(approval.sessionId)}</Link> : <span className="muted">—</span>}
          </dd>
        </div>
        {approval.subagentId && (
          <div>
            <dt>Subagent</dt>
            <dd>
              <Link to={`/subagents/${approval.subagentId}`}>{shortId(approval.subagentId)}</Link>
            </dd>
          </div>
        )}
        {!pending && (
          <div>
            <dt>Decided by</dt>
            <dd>
              {approval.decidedByEmail ?? approval.decidedByUser ?? <span className="muted">—</span>}
              {approval.comment && (
                <>
                  {' '}
                  <q>{approval.comment}</q>
                </>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Run</dt>
          <dd>
            <Link to={`/tool-calls/${id}`} data-testid={`approval-run-${id}`}>
              open run
            </Link>
          </dd>
        </div>
      </dl>
      {pending && (
        <div className="approval__decide">
          <label className="visually-hidden" htmlFor={commentId}>
            Comment (optional)
          </label>
          <input
            id={commentId}
            className="input approval__comment"
            placeholder="Comment (optional)"
            value={comment}
            maxLength={1000}
            onChange={(e) => setComment(e.target.value)}
            data-testid={`approval-comment-${id}`}
          />
          <button
            type="button"
            className="button button--success"
            disabled={decide.isPending}
            onClick={() => send('approve')}
            data-testid={`approval-approve-${id}`}
          >
            {decide.isPending && decide.variables?.decision === 'approve' ? 'Approving…' : 'Approve'}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={decide.isPending}
            onClick={() => send('deny')}
            data-testid={`approval-deny-${id}`}
          >
            {decide.isPending && decide.variables?.decision === 'deny' ? 'Denying…' : 'Deny'}
          </button>
        </div>
      )}
    </li>
  );
};
