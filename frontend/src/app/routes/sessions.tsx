import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { useCurrentUser } from '@/features/auth/api/get-auth-state';
import { isAdmin } from '@/features/auth/types';
import { CreateSessionForm } from '@/features/sessions/components/create-session-form';
import { SessionsBrowser } from '@/features/sessions/components/sessions-browser';
import { useSessionLiveUpdates } from '@/features/sessions/api/session-live-updates';

export const SessionsRoute = () => {
  const navigate = useNavigate();
  const user = useCurrentUser();
  useSessionLiveUpdates();
  return (
    <div className="page">
      <PageHeader title="Sessions" eyebrow="Command deck" />
      <div className="sessions-layout">
        <section className="sessions-layout__list" aria-label="All sessions">
          <SessionsBrowser canSeeForwarded={isAdmin(user)} />
        </section>
        <aside className="sessions-layout__create">
          <Panel title="New session" labelledBy="new-session-title">
            <CreateSessionForm onCreated={(id) => navigate(`/sessions/${id}`)} />
          </Panel>
        </aside>
      </div>
    </div>
  );
};
