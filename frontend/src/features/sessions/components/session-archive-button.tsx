import { Alert } from '@/components/alert';
import { errorMessage } from '@/lib/api-client';
import { useArchiveSession } from '../api/archive-session';

export type SessionArchiveButtonProps = { sessionId: string; title: string; onArchived: () => void };

export const SessionArchiveButton = ({ sessionId, title, onArchived }: SessionArchiveButtonProps) => {
  const archiveSession = useArchiveSession();
  const archive = () => {
    const confirmed = window.confirm(
      `Archive "${title}"? It disappears from lists and reads; its history stays in the event store.`,
    );
    if (confirmed) archiveSession.mutate({ id: sessionId }, { onSuccess: onArchived });
  };
  return (
    <>
      <button
        type="button"
        className="button button--danger-ghost"
        disabled={archiveSession.isPending}
        onClick={archive}
        data-testid="session-archive"
      >
        {archiveSession.isPending ? 'Archiving…' : 'Archive'}
      </button>
      {archiveSession.isError && <Alert>{errorMessage(archiveSession.error)}</Alert>}
    </>
  );
};
