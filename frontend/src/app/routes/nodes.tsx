import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { useCurrentUser } from '@/features/auth/api/get-auth-state';
import { RequireAdmin } from '@/features/auth/components/require-auth';
import { isAdmin } from '@/features/auth/types';
import { SourcesPanel } from '@/features/nodes/components/sources-panel';
import { ThisNodePanel } from '@/features/nodes/components/this-node-panel';

export const NodesRoute = () => {
  const user = useCurrentUser();
  return (
    <div className="page nodes-page">
      <PageHeader title="Nodes & forwarding" eyebrow="This node and the nodes it trusts" />
      <Panel title="This node" labelledBy="nodes-self-title">
        <ThisNodePanel canRotate={isAdmin(user)} />
      </Panel>
      <RequireAdmin fallback={null}>
        <Panel title="Trusted sources" labelledBy="nodes-sources-title">
          <SourcesPanel />
        </Panel>
      </RequireAdmin>
    </div>
  );
};
