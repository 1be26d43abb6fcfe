import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Dialog } from '@/components/dialog';
import { SelectField, TextField } from '@/components/field';
import { FormError } from '@/components/form-error';
import { shortId } from '@/lib/format';
import { useExecuteCommand } from '../api/execute-command';
import { useSessionChoices, useSubagentChoices, type SessionChoice } from '@/lib/choices';
import { isAgentRun, kindOf, startedRunPath, type CommandKind, type StartedAgentRun, type StartedRun } from '../types';

export type RunnableCommand = {
  id: string;
  name: string;
  argumentHint?: string | null;
  description?: string | null;
  kind?: CommandKind | null;
};

export type CommandRunDialogProps = {
  command: RunnableCommand;
  onClose: () => void;
  /** Called with the run the node answered; the app opens its page. */
  onStarted: (run: StartedRun) => void;
};

const sessionLabel = (session: SessionChoice) =>
  `${session.title?.trim() || 'Untitled session'} · ${session.status}${session.projectName ? ` · ${session.projectName}` : ''} (${shortId(session.id)})`;

/**
 * Arguments (`$ARGUMENTS`, `$1`…) and the session the run belongs to: a script may also name a subagent and may go
 * without a session; a prompt is run by a session's agent, so it needs one, and the dialog then links the agent run.
 */
export const CommandRunDialog = ({ command, onClose, onStarted }: CommandRunDialogProps) => {
  const prompt = kindOf(command) === 'prompt';
  const [args, setArgs] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [subagentId, setSubagentId] = useState('');
  const [sessionError, setSessionError] = useState<string | undefined>();
  const [agentRun, setAgentRun] = useState<StartedAgentRun | null>(null);
  const sessions = useSessionChoices();
  const subagents = useSubagentChoices();
  const execute = useExecuteCommand();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (prompt && !sessionId) {
      setSessionError("A prompt is run by a session's agent: choose the session.");
      return;
    }
    setSessionError(undefined);
    execute.mutate(
      {
        id: command.id,
        arguments: args,
        sessionId: sessionId || undefined,
        subagentId: prompt ? undefined : subagentId || undefined,
      },
      {
        onSuccess: (run) => {
          if (isAgentRun(run)) setAgentRun(run);
          onStarted(run);
        },
      },
    );
  };

  const formId = `run-form-${command.id}`;
  return (
    <Dialog
      title={
        <>
          Run <code>/{command.name}</code>
        </>
      }
      labelledBy="command-run-title"
      onClose={onClose}
      testId="command-run-dialog"
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            disabled={execute.isPending}
            data-testid="command-run-submit"
          >
            {execute.isPending ? 'Starting…' : '▶ Run'}
          </button>
        </>
      }
    >
      {command.description && <p className="muted">{command.description}</p>}
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <TextField
          label="Arguments"
          value={args}
          onChange={(e) => setArgs(e.target.value)}
          placeholder={command.argumentHint ?? 'Replaces $ARGUMENTS, $1, $2…'}
          hint={
            command.argumentHint ? (
              <>
                Expected: <code>{command.argumentHint}</code>
              </>
            ) : prompt ? (
              'Optional; put into the prompt as typed (shell-quoted inside !`…` commands).'
            ) : (
              'Optional; shell-quoted into the script.'
            )
          }
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          data-testid="command-run-arguments"
        />
        <SelectField
          label="Session"
          value={sessionId}
          onChange={(e) => setSessionId(e.target.value)}
          options={(sessions.data ?? []).map((session) => ({ value: session.id, label: sessionLabel(session) }))}
          placeholder={sessions.isPending ? 'Loading sessions…' : prompt ? 'Choose a session' : 'No session'}
          hint={
            prompt
              ? "Required: the session's agent runs the prompt; its rules and mode apply."
              : sessions.isError
                ? 'Sessions could not be loaded; the run can go without one.'
                : 'Its permission rules and mode apply to the run.'
          }
          error={sessionError}
          data-testid="command-run-session"
        />
        {!prompt && (
        <SelectField
          label="Subagent"
          value={subagentId}
          onChange={(e) => setSubagentId(e.target.value)}
          options={(subagents.data ?? []).map((subagent) => ({ value: subagent.id, label: subagent.name }))}
          placeholder={subagents.isPending ? 'Loading subagents…' : 'No subagent'}
          hint="Optional: run with a subagent's rules and policies."
          data-testid="command-run-subagent"
        />
        )}
        {agentRun && (
          <p className="muted" data-testid="command-run-started">
            Started:{' '}
            <Link to={startedRunPath(agentRun)} data-testid="command-run-link">
              agent run {shortId(agentRun.runId)}
            </Link>
          </p>
        )}
        <FormError error={execute.error} title="Not started" placedFields={[]} testId="command-run-error" />
      </form>
    </Dialog>
  );
};
