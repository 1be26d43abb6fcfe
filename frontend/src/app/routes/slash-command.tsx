import { useNavigate, useParams } from 'react-router';
import { useCommandLiveUpdates } from '@/features/slash-commands/api/command-live-updates';
import { CommandView } from '@/features/slash-commands/components/command-view';
import { useOpenRun } from './slash-commands';

export const SlashCommandRoute = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const openRun = useOpenRun();
  useCommandLiveUpdates();
  return (
    <div className="page">
      <CommandView key={id} id={id} onStarted={openRun} onDeleted={() => navigate('/slash-commands')} />
    </div>
  );
};
