import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useRunLiveUpdates } from '@/features/runs/api/run-live-updates';
import { SessionConversation } from '@/features/runs/components/session-conversation';
import { refreshAfterWrite } from '@/features/sessions/api/find-session';
import { useSessionLiveUpdates } from '@/features/sessions/api/session-live-updates';
import { SessionView } from '@/features/sessions/components/session-view';
import { promptAvailability } from '@/features/sessions/types';

export const SessionRoute = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useSessionLiveUpdates();
  useRunLiveUpdates();
  return (
    <div className="page">
      <SessionView
        key={id}
        id={id}
        onForked={(forkId) => navigate(`/sessions/${forkId}`)}
        onArchived={() => navigate('/sessions')}
        conversation={(session) => (
          <SessionConversation
            sessionId={session.id}
            {...promptAvailability(session.status)}
            // The prompt is an interaction of the session too: show it at the version just written.
            onPromptWritten={(written) => void refreshAfterWrite(queryClient, written.id, written.version)}
          />
        )}
      />
    </div>
  );
};
