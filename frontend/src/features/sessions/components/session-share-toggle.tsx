import { Alert } from '@/components/alert';
import { errorMessage } from '@/lib/api-client';
import { useShareSession } from '../api/share-session';

export type SessionShareToggleProps = { sessionId: string; shared: boolean };

/** Sharing is the owner's decision: everyone signed in may then read the session, nobody else may change it. */
export const SessionShareToggle = ({ sessionId, shared }: SessionShareToggleProps) => {
  const share = useShareSession();
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={share.isPending}
        title={shared ? 'Only you (and admins) will see it again' : 'Everyone signed in may read it; only you change it'}
        onClick={() => share.mutate({ id: sessionId, shared: !shared })}
        data-testid="session-share-toggle"
      >
        {shared ? 'Stop sharing' : 'Share read-only'}
      </button>
      {share.isError && <Alert>{errorMessage(share.error)}</Alert>}
    </>
  );
};
