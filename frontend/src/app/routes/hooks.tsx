import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { useHookLiveUpdates } from '@/features/hooks/api/hook-live-updates';
import { HookSettingsTransfer } from '@/features/hooks/components/hook-settings-transfer';
import { HooksTable } from '@/features/hooks/components/hooks-table';

export const HooksRoute = () => {
  useHookLiveUpdates();
  return (
    <div className="page">
      <PageHeader
        title="Hooks"
        eyebrow="Command deck"
        actions={
          <Link to="/hooks/new" className="button button--primary" data-testid="hook-new">
            New hook
          </Link>
        }
      >
        <p className="muted">PreToolUse hooks run before a call (and may block it), PostToolUse hooks after it.</p>
      </PageHeader>
      <div className="list-layout">
        <section className="list-layout__list" aria-label="Hooks">
          <HooksTable />
        </section>
        <aside className="list-layout__side">
          <Panel title="settings.json hooks" labelledBy="hooks-settings-title">
            <HookSettingsTransfer />
          </Panel>
        </aside>
      </div>
    </div>
  );
};
