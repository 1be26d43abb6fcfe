import { CreatePage } from '@/components/create-page';
import { HookCreate } from '@/features/hooks/components/hook-create';

export const HookNewRoute = () => (
  <CreatePage title="New hook" eyebrow="Hooks" opensUnder="/hooks" form={(saved) => <HookCreate onDone={saved} />} />
);
