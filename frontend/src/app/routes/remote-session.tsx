import { useParams } from 'react-router';
import { RequireAdmin } from '@/features/auth/components/require-auth';
import { RemoteSessionView } from '@/features/nodes/components/remote-session-view';

export const RemoteSessionRoute = () => {
  const { nodeId = '', sessionId = '' } = useParams();
  return (
    <RequireAdmin fallback={<p className="muted">Only admins see sessions other nodes forwarded here.</p>}>
      <RemoteSessionView nodeId={nodeId} sessionId={sessionId} />
    </RequireAdmin>
  );
};
