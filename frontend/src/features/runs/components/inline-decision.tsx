import { ActionError } from '@/components/action-error';
import { BusyButton } from '@/components/busy-button';
import { useDecideToolCall, useToolCallToDecide } from '../api/decide-tool-call';

/** Exactly what an approval lets run: the whole command of a shell call, otherwise the whole input. */
const inputText = (input: Record<string, unknown> | null): string => {
  const command = input?.command;
  if (typeof command === 'string') return command;
  return input ? JSON.stringify(input, null, 2) : '';
};

type Decision = 'approve' | 'deny';

/** How each decision's button looks and is found; approving is the primary action. */
const BUTTONS: { decision: Decision; label: string; busyLabel: string; className: string }[] = [
  { decision: 'approve', label: 'Approve', busyLabel: 'Approving…', className: 'button button--primary' },
  { decision: 'deny', label: 'Deny', busyLabel: 'Denying…', className: 'button button--danger-ghost' },
];

export type InlineDecisionProps = { toolCallId: string; runId: string };

/**
 * Approve or Deny a tool call of the run right in the conversation. The input shown is the one read
 * with its hash, and the decision carries that hash: nothing but what was shown can be approved.
 */
export const InlineDecision = ({ toolCallId, runId }: InlineDecisionProps) => {
  const call = useToolCallToDecide(toolCallId);
  const decide = useDecideToolCall();
  const inputHash = call.data?.inputHash;
  if (!inputHash || call.data?.status !== 'awaiting_approval') return null;
  const send = (decision: Decision) => decide.mutate({ toolCallId, runId, decision, inputHash });
  return (
    <div className="run-tools__decision" data-testid="agent-run-tool-call-decision">
      <pre className="run-tools__output" data-testid="agent-run-tool-call-input">
        {inputText(call.data.input)}
      </pre>
      <div className="run-tools__decision-buttons">
        {BUTTONS.map(({ decision, label, busyLabel, className }) => (
          <BusyButton
            key={decision}
            busy={decide.isPending && decide.variables?.decision === decision}
            busyLabel={busyLabel}
            disabled={decide.isPending || decide.isSuccess}
            className={className}
            onClick={() => send(decision)}
            data-testid={`agent-run-tool-call-${decision}`}
          >
            {label}
          </BusyButton>
        ))}
        {decide.isSuccess && (
          <span role="status" className="muted" data-testid="agent-run-tool-call-decided">
            {decide.variables?.decision === 'approve' ? 'Approved; the run goes on.' : 'Denied; the model is told so.'}
          </span>
        )}
        <ActionError error={decide.error} prefix="Not decided: " />
      </div>
    </div>
  );
};
