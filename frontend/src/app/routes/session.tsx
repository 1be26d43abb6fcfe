import { useNavigate, useParams } from 'react-router';
import { useSessionLiveUpdates } from '@/features/sessions/api/session-live-updates';
import { SessionView } from '@/features/sessions/components/session-view';

export const SessionRoute = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  useSessionLiveUpdates();
  return (
    <div className="page">
      <SessionView
        key={id}
        id={id}
        onForked={(forkId) => navigate(`/sessions/${forkId}`)}
        onArchived={() => navigate('/sessions')}
      />
    </div>
  );
};
