import { Alert } from '@/components/alert';
import { errorMessage, isVersionMismatch } from '@/lib/api-client';

/** The failure of a write, with the one case users must understand: someone else changed it first. */
export const WriteError = ({ error }: { error: unknown }) => {
  if (!error) return null;
  if (isVersionMismatch(error)) {
    return (
      <Alert tone="warning" title="Changed elsewhere, reloaded" testId="session-conflict">
        This session was changed elsewhere while you were looking at it. The latest version is shown now; check it
        and try again.
      </Alert>
    );
  }
  return <Alert tone="error">{errorMessage(error)}</Alert>;
};
