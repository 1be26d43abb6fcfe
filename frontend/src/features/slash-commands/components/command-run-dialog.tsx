import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/dialog';
import { SelectField, TextField } from '@/components/field';
import { FormError } from '@/components/form-error';
import { shortId } from '@/lib/format';
import { useExecuteCommand } from '../api/execute-command';
import { useSessionChoices, useSubagentChoices, type SessionChoice } from '@/lib/choices';
import type { StartedRun } from '../types';

export type RunnableCommand = { id: string; name: string; argumentHint?: string | null; description?: string | null };

export type CommandRunDialogProps = {
  command: RunnableCommand;
  onClose: () => void;
  /** Called with the run the node answered; the app opens its page. */
  onStarted: (run: StartedRun) => void;
};

const sessionLabel = (session: SessionChoice) =>
  `${session.title?.trim() || 'Untitled session'} · ${session.status}${session.projectName ? ` · ${session.projectName}` : ''} (${shortId(session.id)})`;

/** Arguments (`$ARGUMENTS`, `$1`…), and optionally the session and subagent the run belongs to. */
export const CommandRunDialog = ({ command, onClose, onStarted }: CommandRunDialogProps) => {
  const [args, setArgs] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [subagentId, setSubagentId] = useState('');
  const sessions = useSessionChoices();
  const subagents = useSubagentChoices();
  const execute = useExecuteCommand();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    execute.mutate(
      { id: command.id, arguments: args, sessionId: sessionId || undefined, subagentId: subagentId || undefined },
      { onSuccess: (run) => onStarted(run) },
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
          hint={command.argumentHint ? <>Expected: <code>{command.argumentHint}</code></> : 'Optional; shell-quoted into the script.'}
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
          placeholder={sessions.isPending ? 'Loading sessions…' : 'No session'}
          hint={sessions.isError ? 'Sessions could not be loaded; the run can go without one.' : 'Its permission rules and mode apply to the run.'}
          data-testid="command-run-session"
        />
        <SelectField
          label="Subagent"
          value={subagentId}
          onChange={(e) => setSubagentId(e.target.value)}
          options={(subagents.data ?? []).map((subagent) => ({ value: subagent.id, label: subagent.name }))}
          placeholder={subagents.isPending ? 'Loading subagents…' : 'No subagent'}
          hint="Optional: run with a subagent's rules and policies."
          data-testid="command-run-subagent"
        />
        <FormError error={execute.error} title="Not started" placedFields={[]} testId="command-run-error" />
      </form>
    </Dialog>
  );
};
