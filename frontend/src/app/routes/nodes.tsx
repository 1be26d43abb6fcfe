import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { useCurrentUser } from '@/features/auth/api/get-auth-state';
import { RequireAdmin } from '@/features/auth/components/require-auth';
import { isAdmin } from '@/features/auth/types';
import { PeersPanel } from '@/features/nodes/components/peers-panel';
import { RefusalsPanel } from '@/features/nodes/components/refusals-panel';
import { SourcesPanel } from '@/features/nodes/components/sources-panel';
import { ThisNodePanel } from '@/features/nodes/components/this-node-panel';
import { TopologyPanel } from '@/features/nodes/components/topology-panel';

export const NodesRoute = () => {
  const user = useCurrentUser();
  return (
    <div className="page nodes-page">
      <PageHeader title="Nodes & forwarding" eyebrow="This node, the nodes it trusts and the nodes it forwards to" />
      <Panel title="This node" labelledBy="nodes-self-title">
        <ThisNodePanel canRotate={isAdmin(user)} />
      </Panel>
      <RequireAdmin fallback={null}>
        <Panel title="Topology" labelledBy="nodes-topology-title">
          <TopologyPanel />
        </Panel>
        <Panel title="Trusted sources" labelledBy="nodes-sources-title">
          <SourcesPanel />
        </Panel>
        <Panel title="Peers (forwarding to)" labelledBy="nodes-peers-title">
          <PeersPanel />
        </Panel>
        <Panel title="Refused requests" labelledBy="nodes-refusals-title">
          <RefusalsPanel />
        </Panel>
      </RequireAdmin>
    </div>
  );
};
