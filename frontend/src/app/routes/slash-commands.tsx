import { useNavigate } from 'react-router';
import { ListPage } from '@/components/list-page';
import { useCommandLiveUpdates } from '@/features/slash-commands/api/command-live-updates';
import { CommandImportPanel } from '@/features/slash-commands/components/command-import-panel';
import { CommandsBrowser } from '@/features/slash-commands/components/commands-browser';
import { isAgentRun, startedRunPath, type StartedRun } from '@/features/slash-commands/types';

/**
 * Opens the page of what was just started: a script's tool call (showing what the execute request answered until the
 * read side has it) or a prompt's agent run.
 */
export const useOpenRun = () => {
  const navigate = useNavigate();
  return (run: StartedRun) => navigate(startedRunPath(run), isAgentRun(run) ? undefined : { state: { toolCall: run } });
};

export const SlashCommandsRoute = () => {
  const openRun = useOpenRun();
  useCommandLiveUpdates();
  return (
    <ListPage
      title="Slash commands"
      create={{ to: '/slash-commands/new', label: 'New command', testId: 'command-new' }}
      side={{ title: 'Import .md files', labelledBy: 'command-import-title', content: <CommandImportPanel /> }}
    >
      <CommandsBrowser onStarted={openRun} />
    </ListPage>
  );
};
