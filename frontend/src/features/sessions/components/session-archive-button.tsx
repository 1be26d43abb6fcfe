import { Alert } from '@/components/alert';
import { DangerButton } from '@/components/danger-button';
import { errorMessage } from '@/lib/api-client';
import { useArchiveSession } from '../api/archive-session';

export type SessionArchiveButtonProps = { sessionId: string; title: string; onArchived: () => void };

export const SessionArchiveButton = ({ sessionId, title, onArchived }: SessionArchiveButtonProps) => {
  const archiveSession = useArchiveSession();
  return (
    <>
      <DangerButton
        busy={archiveSession.isPending}
        busyLabel="Archiving…"
        confirm={`Archive "${title}"? It disappears from lists and reads; its history stays in the event store.`}
        onConfirm={() => archiveSession.mutate({ id: sessionId }, { onSuccess: onArchived })}
        data-testid="session-archive"
      >
        Archive
      </DangerButton>
      {archiveSession.isError && <Alert>{errorMessage(archiveSession.error)}</Alert>}
    </>
  );
};
