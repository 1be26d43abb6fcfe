import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { HookCreate } from '@/features/hooks/components/hook-create';

export const HookNewRoute = () => {
  const navigate = useNavigate();
  return (
    <div className="page page--narrow">
      <PageHeader title="New hook" eyebrow="Hooks" />
      <Panel>
        <HookCreate onDone={(id) => navigate(`/hooks/${id}`)} />
      </Panel>
    </div>
  );
};
