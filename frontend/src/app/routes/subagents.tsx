import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { useSubagentLiveUpdates } from '@/features/subagents/api/subagent-live-updates';
import { SubagentImportPanel } from '@/features/subagents/components/subagent-import-panel';
import { SubagentsBrowser } from '@/features/subagents/components/subagents-browser';

export const SubagentsRoute = () => {
  useSubagentLiveUpdates();
  return (
    <div className="page">
      <PageHeader
        title="Subagents"
        eyebrow="Command deck"
        actions={
          <Link to="/subagents/new" className="button button--primary" data-testid="subagent-new">
            New subagent
          </Link>
        }
      />
      <div className="list-layout">
        <section className="list-layout__list" aria-label="Subagents">
          <SubagentsBrowser />
        </section>
        <aside className="list-layout__side">
          <Panel title="Import .md files" labelledBy="subagent-import-title">
            <SubagentImportPanel />
          </Panel>
        </aside>
      </div>
    </div>
  );
};
