import { ListPage } from '@/components/list-page';
import { useHookLiveUpdates } from '@/features/hooks/api/hook-live-updates';
import { HookSettingsTransfer } from '@/features/hooks/components/hook-settings-transfer';
import { HooksTable } from '@/features/hooks/components/hooks-table';

export const HooksRoute = () => {
  useHookLiveUpdates();
  return (
    <ListPage
      title="Hooks"
      create={{ to: '/hooks/new', label: 'New hook', testId: 'hook-new' }}
      side={{ title: 'settings.json hooks', labelledBy: 'hooks-settings-title', content: <HookSettingsTransfer /> }}
      intro={<p className="muted">PreToolUse hooks run before a call (and may block it), PostToolUse hooks after it.</p>}
    >
      <HooksTable />
    </ListPage>
  );
};
