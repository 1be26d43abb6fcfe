import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { useCurrentUser } from '@/features/auth/api/get-auth-state';
import { isAdmin } from '@/features/auth/types';
import { usePermissionLiveUpdates } from '@/features/permissions/api/permission-live-updates';
import { PermissionSimulator } from '@/features/permissions/components/permission-simulator';
import { PoliciesList } from '@/features/permissions/components/policies-list';
import { RuleForm } from '@/features/permissions/components/rule-form';
import { RulesByScope } from '@/features/permissions/components/rules-by-scope';
import { SettingsTransfer } from '@/features/permissions/components/settings-transfer';

export const PermissionsRoute = () => {
  const canWriteGlobal = isAdmin(useCurrentUser());
  usePermissionLiveUpdates();
  return (
    <div className="page">
      <PageHeader title="Permissions" eyebrow="Command deck">
        <p className="muted">
          Every matching rule counts: <strong>deny beats ask beats allow</strong>; among equals the narrowest scope decides
          (session, subagent, policy, user, global). No match asks.
        </p>
      </PageHeader>
      <div className="permissions-grid">
        <Panel title="Simulator" labelledBy="permissions-simulator-title">
          <PermissionSimulator />
        </Panel>
        <Panel title="Add a rule" labelledBy="permissions-add-title">
          <RuleForm canWriteGlobal={canWriteGlobal} />
        </Panel>
      </div>
      <RulesByScope canWriteGlobal={canWriteGlobal} />
      <div className="permissions-grid">
        <Panel title="Policies" labelledBy="permissions-policies-title">
          <PoliciesList />
        </Panel>
        <Panel title="settings.json" labelledBy="permissions-settings-title">
          <SettingsTransfer canWriteGlobal={canWriteGlobal} />
        </Panel>
      </div>
    </div>
  );
};
