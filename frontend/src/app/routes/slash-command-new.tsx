import { CreatePage } from '@/components/create-page';
import { CommandForm } from '@/features/slash-commands/components/command-form';

export const SlashCommandNewRoute = () => (
  <CreatePage
    title="New slash command"
    eyebrow="Slash commands"
    opensUnder="/slash-commands"
    form={(saved) => <CommandForm mode="create" onSaved={saved} />}
  />
);
