import { CreatePage } from '@/components/create-page';
import { SubagentForm } from '@/features/subagents/components/subagent-form';

export const SubagentNewRoute = () => (
  <CreatePage
    title="New subagent"
    eyebrow="Subagents"
    opensUnder="/subagents"
    form={(saved) => <SubagentForm mode="create" onSaved={saved} />}
  />
);
