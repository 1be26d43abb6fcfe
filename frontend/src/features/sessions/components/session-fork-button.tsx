import { Alert } from '@/components/alert';
import { errorMessage } from '@/lib/api-client';
import { useForkSession } from '../api/fork-session';

export type SessionForkButtonProps = { sessionId: string; onForked: (id: string) => void };

export const SessionForkButton = ({ sessionId, onForked }: SessionForkButtonProps) => {
  const forkSession = useForkSession();
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={forkSession.isPending}
        onClick={() => forkSession.mutate({ id: sessionId }, { onSuccess: (fork) => onForked(fork.id) })}
        data-testid="session-fork"
      >
        {forkSession.isPending ? 'Forking…' : 'Fork'}
      </button>
      {forkSession.isError && <Alert>{errorMessage(forkSession.error)}</Alert>}
    </>
  );
};
