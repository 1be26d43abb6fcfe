import { useLocation, useParams } from 'react-router';
import { ToolCallView } from '@/features/tool-calls/components/tool-call-view';
import type { ToolCallDetail } from '@/features/tool-calls/types';

/** What the page that started the run passed along (the execute answer), if anything. */
const knownRun = (state: unknown, id: string): ToolCallDetail | undefined => {
  const toolCall = (state as { toolCall?: unknown } | null)?.toolCall as ToolCallDetail | undefined;
  return toolCall && typeof toolCall === 'object' && toolCall.id === id && typeof toolCall.status === 'string' ? toolCall : undefined;
};

export const ToolCallRoute = () => {
  const { id = '' } = useParams();
  const location = useLocation();
  return (
    <div className="page">
      <ToolCallView key={id} id={id} known={knownRun(location.state, id)} />
    </div>
  );
};
