import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { ApiTokensSection } from '@/features/account/components/api-tokens-section';
import { GithubSection } from '@/features/account/components/github-section';
import { PasskeysSection } from '@/features/account/components/passkeys-section';
import { SignOutEverywhereSection } from '@/features/account/components/sign-out-everywhere-section';
import { useAuthState, useLeaveAfterSignOut } from '@/features/auth/api/get-auth-state';
import { isAdmin } from '@/features/auth/types';

export const SettingsRoute = () => {
  const { data } = useAuthState();
  const leave = useLeaveAfterSignOut();
  const user = data?.user;
  return (
    <div className="page settings-page">
      <PageHeader title="Settings" eyebrow="Your account">
        {user && (
          <p className="muted">
            Signed in as <strong>{user.email}</strong>
          </p>
        )}
      </PageHeader>
      <Panel title="Passkeys" labelledBy="settings-passkeys-title">
        <PasskeysSection rpId={data?.rpId} />
      </Panel>
      <Panel title="API tokens" labelledBy="settings-tokens-title">
        <ApiTokensSection canGrantAdmin={isAdmin(user)} />
      </Panel>
      <Panel title="GitHub" labelledBy="settings-github-title">
        <GithubSection />
      </Panel>
      <Panel title="Sessions" labelledBy="settings-sessions-title">
        <SignOutEverywhereSection onSignedOut={leave} />
      </Panel>
    </div>
  );
};
