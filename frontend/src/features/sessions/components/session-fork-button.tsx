import { Alert } from '@/components/alert';
import { BusyButton } from '@/components/busy-button';
import { errorMessage } from '@/lib/api-client';
import { useForkSession } from '../api/fork-session';

export type SessionForkButtonProps = { sessionId: string; onForked: (id: string) => void };

export const SessionForkButton = ({ sessionId, onForked }: SessionForkButtonProps) => {
  const forkSession = useForkSession();
  return (
    <>
      <BusyButton
        busy={forkSession.isPending}
        busyLabel="Forking…"
        onClick={() => forkSession.mutate({ id: sessionId }, { onSuccess: (fork) => onForked(fork.id) })}
        data-testid="session-fork"
      >
        Fork
      </BusyButton>
      {forkSession.isError && <Alert>{errorMessage(forkSession.error)}</Alert>}
    </>
  );
};
