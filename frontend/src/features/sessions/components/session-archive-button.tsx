import { Alert } from '@/components/alert';
import { BusyButton } from '@/components/busy-button';
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
      <BusyButton
        busy={archiveSession.isPending}
        busyLabel="Archiving…"
        className="button button--danger-ghost"
        onClick={archive}
        data-testid="session-archive"
      >
        Archive
      </BusyButton>
      {archiveSession.isError && <Alert>{errorMessage(archiveSession.error)}</Alert>}
    </>
  );
};
