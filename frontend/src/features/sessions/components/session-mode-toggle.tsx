import { useChangeSessionMode } from '../api/change-session-mode';
import type { SessionView } from '../api/find-session';
import { isClosed, type SessionMode } from '../types';
import { WriteError } from './write-error';

const other = (mode: SessionMode): SessionMode => (mode === 'plan' ? 'auto_accept' : 'plan');

const LABELS: Record<SessionMode, string> = { plan: 'plan', auto_accept: 'auto accept' };

/** plan ⇄ auto_accept, conditional on the version shown (If-Match). */
export const SessionModeToggle = ({ session }: { session: SessionView }) => {
  const changeMode = useChangeSessionMode();
  const target = other(session.mode);
  const closed = isClosed(session.status);
  return (
    <div className="control">
      <div className="control__row">
        <span className="control__label" id="session-mode-label">
          Mode
        </span>
        <button
          type="button"
          className={`button toggle toggle--${session.mode}`}
          aria-describedby="session-mode-label"
          aria-pressed={session.mode === 'auto_accept'}
          disabled={changeMode.isPending || closed}
          title={closed ? 'A closed session keeps its mode' : undefined}
          onClick={() => changeMode.mutate({ id: session.id, mode: target, expectedVersion: session.etagVersion })}
          data-testid="session-mode-toggle"
        >
          <span className="toggle__track" aria-hidden="true">
            <span className="toggle__thumb" />
          </span>
          {changeMode.isPending ? 'Switching…' : `Switch to ${LABELS[target]}`}
        </button>
      </div>
      <WriteError error={changeMode.error} />
    </div>
  );
};
