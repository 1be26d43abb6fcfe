import { useLocation, useParams } from 'react-router';
import { useRunLiveUpdates } from '@/features/runs/api/run-live-updates';
import { RunView } from '@/features/runs/components/run-view';
import { Moved } from './moved';

/** The tool call page's address before issue 11 was `/runs/:id`; a page may still pass such a call along. */
const carriesToolCall = (state: unknown): boolean => typeof (state as { toolCall?: unknown } | null)?.toolCall === 'object';

const toToolCall = ({ id = '' }: { id?: string }) => `/tool-calls/${encodeURIComponent(id)}`;

/**
 * `/runs/:id` is an agent run's page. Before agent runs existed it was the address of a tool call, so
 * an id that is no run (an old bookmark) goes on to that tool call's page instead of "not found".
 */
export const RunRoute = () => {
  const { id = '' } = useParams();
  const location = useLocation();
  useRunLiveUpdates();
  if (carriesToolCall(location.state)) return <Moved to={toToolCall} />;
  const fresh = Boolean((location.state as { fresh?: unknown } | null)?.fresh);
  return (
    <div className="page">
      <RunView key={id} runId={id} fresh={fresh} notFound={<Moved to={toToolCall} />} />
    </div>
  );
};
