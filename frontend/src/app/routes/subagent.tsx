import { useNavigate, useParams } from 'react-router';
import { useSubagentLiveUpdates } from '@/features/subagents/api/subagent-live-updates';
import { SubagentView } from '@/features/subagents/components/subagent-view';

export const SubagentRoute = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  useSubagentLiveUpdates();
  return (
    <div className="page">
      <SubagentView key={id} id={id} onDeleted={() => navigate('/subagents')} />
    </div>
  );
};
