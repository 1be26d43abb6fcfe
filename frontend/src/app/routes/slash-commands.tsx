import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
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
    <div className="page">
      <PageHeader
        title="Slash commands"
        eyebrow="Command deck"
        actions={
          <Link to="/slash-commands/new" className="button button--primary" data-testid="command-new">
            New command
          </Link>
        }
      />
      <div className="list-layout">
        <section className="list-layout__list" aria-label="Slash commands">
          <CommandsBrowser onStarted={openRun} />
        </section>
        <aside className="list-layout__side">
          <Panel title="Import .md files" labelledBy="command-import-title">
            <CommandImportPanel />
          </Panel>
        </aside>
      </div>
    </div>
  );
};
