import { Alert } from '@/components/alert';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatClock, formatDateTime } from '@/lib/format';
import { useTrail } from '../api/list-trail-entries';
import { trailRows } from '../trail';

const TONES: Record<string, string> = {
  'permission-evaluated': 'info',
  'approval-requested': 'warning',
  approved: 'success',
  denied: 'danger',
  'approval-expired': 'danger',
  blocked: 'danger',
  'run-started': 'accent',
  completed: 'success',
  failed: 'danger',
  'timed-out': 'danger',
  cancelled: 'muted',
};

/** Every event of the call in order: the whole decision, from request to end. */
export const RunTrail = ({ id, refetchInterval }: { id: string; refetchInterval: number | false }) => {
  const trail = useTrail(id, refetchInterval);
  if (trail.isPending) return <Spinner label="Loading the trail…" />;
  if (trail.isError && !trail.data) return <Alert title="Could not load the decision trail">{errorMessage(trail.error)}</Alert>;
  const rows = trailRows(trail.data ?? []);
  return (
    <ol className="trail" data-testid="run-trail" aria-label="Decision trail, oldest first">
      {rows.length === 0 && <li className="trail__empty muted">No events yet.</li>}
      {rows.map((row) => (
        <li
          key={row.key}
          className={`trail__item trail__item--${TONES[row.type] ?? 'neutral'}`}
          data-testid="trail-entry"
          data-type={row.type}
        >
          <time className="trail__at" dateTime={row.at} title={formatDateTime(row.at)}>
            {formatClock(row.at)}
          </time>
          <span className="trail__type">{row.type}</span>
          <span className="trail__line">{row.line}</span>
        </li>
      ))}
    </ol>
  );
};
