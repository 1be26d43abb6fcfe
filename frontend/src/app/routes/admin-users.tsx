import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { InvitationsPanel } from '@/features/admin/components/invitations-panel';
import { SignupPolicyForm } from '@/features/admin/components/signup-policy-form';
import { UsersTable } from '@/features/admin/components/users-table';
import { useCurrentUser, useReloadAuthState } from '@/features/auth/api/get-auth-state';
import { RequireAdmin } from '@/features/auth/components/require-auth';
import { NotFoundRoute } from './not-found';

export const AdminUsersRoute = () => {
  const user = useCurrentUser();
  const reloadAuthState = useReloadAuthState();
  return (
    <RequireAdmin fallback={<NotFoundRoute />}>
      <div className="page admin-page">
        <PageHeader title="Users & sign-up" eyebrow="Administration" />
        <Panel title="Users" labelledBy="admin-users-title">
          <UsersTable currentUserId={user?.id ?? ''} onOwnRolesChanged={() => void reloadAuthState()} />
        </Panel>
        <div className="admin-page__grid">
          <Panel title="Sign-up policy" labelledBy="admin-policy-title">
            <SignupPolicyForm />
          </Panel>
          <Panel title="Invitations" labelledBy="admin-invitations-title">
            <InvitationsPanel />
          </Panel>
        </div>
      </div>
    </RequireAdmin>
  );
};
