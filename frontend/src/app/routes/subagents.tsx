import { ListPage } from '@/components/list-page';
import { useSubagentLiveUpdates } from '@/features/subagents/api/subagent-live-updates';
import { SubagentImportPanel } from '@/features/subagents/components/subagent-import-panel';
import { SubagentsBrowser } from '@/features/subagents/components/subagents-browser';

export const SubagentsRoute = () => {
  useSubagentLiveUpdates();
  return (
    <ListPage
      title="Subagents"
      create={{ to: '/subagents/new', label: 'New subagent', testId: 'subagent-new' }}
      side={{ title: 'Import .md files', labelledBy: 'subagent-import-title', content: <SubagentImportPanel /> }}
    >
      <SubagentsBrowser />
    </ListPage>
  );
};
