import { useNavigate, useParams } from 'react-router';
import { useHookLiveUpdates } from '@/features/hooks/api/hook-live-updates';
import { HookView } from '@/features/hooks/components/hook-view';

export const HookRoute = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  useHookLiveUpdates();
  return (
    <div className="page">
      <HookView key={id} id={id} onDeleted={() => navigate('/hooks')} />
    </div>
  );
};
