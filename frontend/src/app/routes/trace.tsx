import { useParams } from 'react-router';
import { TraceView } from '@/features/runs/components/trace-view';

export const TraceRoute = () => {
  const { traceId = '' } = useParams();
  return (
    <div className="page">
      <TraceView key={traceId} traceId={traceId} />
    </div>
  );
};
