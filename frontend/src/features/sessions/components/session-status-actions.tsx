import { useChangeSessionStatus } from '../api/change-session-status';
import type { SessionView } from '../api/find-session';
import { ALLOWED_TRANSITIONS, type SessionStatus } from '../types';
import { WriteError } from './write-error';

type Action = { target: SessionStatus; label: string; testId: string; tone: string; asksReason?: boolean };

const ACTIONS: Record<string, Action> = {
  paused: { target: 'paused', label: 'Pause', testId: 'session-action-pause', tone: 'warning' },
  executing: { target: 'executing', label: 'Resume', testId: 'session-action-resume', tone: 'primary' },
  completed: { target: 'completed', label: 'Complete', testId: 'session-action-complete', tone: 'success' },
  failed: { target: 'failed', label: 'Fail', testId: 'session-action-fail', tone: 'danger', asksReason: true },
};

const NOTES: Partial<Record<SessionStatus, string>> = {
  planning: 'Send a prompt to start executing.',
  completed: 'This session is completed; its status is final.',
  failed: 'This session failed; its status is final.',
};

/** Only the moves the status machine allows from the current status. */
export const allowedActions = (status: SessionStatus): Action[] =>
  ALLOWED_TRANSITIONS[status].map((target) => ACTIONS[target]).filter((action): action is Action => Boolean(action));

export const SessionStatusActions = ({ session }: { session: SessionView }) => {
  const changeStatus = useChangeSessionStatus();
  const actions = allowedActions(session.status);

  const run = (action: Action) => {
    let reason: string | undefined;
    if (action.asksReason) {
      const answer = window.prompt('Why did this session fail? (optional)', '');
      if (answer === null) return;
      reason = answer;
    }
    changeStatus.mutate({ id: session.id, status: action.target, reason, expectedVersion: session.etagVersion });
  };

  return (
    <div className="control">
      <div className="control__row">
        <span className="control__label">Status</span>
        {actions.length === 0 ? (
          <span className="muted" data-testid="session-actions-none">
            {NOTES[session.status]}
          </span>
        ) : (
          <div className="button-group" role="group" aria-label="Status actions">
            {actions.map((action) => (
              <button
                key={action.target}
                type="button"
                className={`button button--${action.tone}`}
                disabled={changeStatus.isPending}
                onClick={() => run(action)}
                data-testid={action.testId}
              >
                {action.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <WriteError error={changeStatus.error} />
    </div>
  );
};
