import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { CommandForm } from '@/features/slash-commands/components/command-form';

export const SlashCommandNewRoute = () => {
  const navigate = useNavigate();
  return (
    <div className="page page--narrow">
      <PageHeader title="New slash command" eyebrow="Slash commands" />
      <Panel>
        <CommandForm mode="create" onSaved={(id) => navigate(`/slash-commands/${id}`)} />
      </Panel>
    </div>
  );
};
