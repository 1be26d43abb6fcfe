import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { SubagentForm } from '@/features/subagents/components/subagent-form';

export const SubagentNewRoute = () => {
  const navigate = useNavigate();
  return (
    <div className="page page--narrow">
      <PageHeader title="New subagent" eyebrow="Subagents" />
      <Panel>
        <SubagentForm mode="create" onSaved={(id) => navigate(`/subagents/${id}`)} />
      </Panel>
    </div>
  );
};
