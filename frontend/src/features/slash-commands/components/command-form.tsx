import { SelectField, TextAreaField, TextField } from '@/components/field';
import { CheckField, SaveForm } from '@/components/save-form';
import { formatToolList, parseToolList } from '@/lib/tool-list';
import { useVersionedForm } from '@/lib/use-versioned-form';
import { useCreateCommand } from '../api/create-command';
import { useUpdateCommand } from '../api/update-command';
import {
  COMMAND_NAME_PATTERN,
  kindOf,
  SCRIPT_MAX_BYTES,
  SLASH_COMMAND_NAME_TAKEN,
  type CommandDetail,
  type CommandInput,
  type CommandKind,
} from '../types';

type Values = {
  kind: CommandKind;
  name: string;
  description: string;
  script: string;
  workingDirectory: string;
  argumentHint: string;
  allowedTools: string;
  model: string;
  shared: boolean;
};

const EMPTY: Values = {
  kind: 'script',
  name: '',
  description: '',
  script: '',
  workingDirectory: '',
  argumentHint: '',
  allowedTools: '',
  model: '',
  shared: false,
};

const valuesOf = (command: CommandDetail): Values => ({
  kind: kindOf(command),
  name: command.name,
  description: command.description ?? '',
  script: command.script ?? '',
  workingDirectory: command.workingDirectory ?? '',
  argumentHint: command.argumentHint ?? '',
  allowedTools: formatToolList(command.allowedTools),
  model: command.model ?? '',
  shared: command.shared,
});

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

/** The full input of a create; blank optional fields are left out. */
const inputOf = (values: Values): CommandInput => {
  const input: CommandInput = { kind: values.kind, name: values.name.trim(), script: values.script, shared: values.shared };
  const tools = parseToolList(values.allowedTools);
  if (values.description.trim()) input.description = values.description.trim();
  if (values.workingDirectory.trim()) input.workingDirectory = values.workingDirectory.trim();
  if (values.argumentHint.trim()) input.argumentHint = values.argumentHint.trim();
  if (values.model.trim()) input.model = values.model.trim();
  if (tools.length) input.allowedTools = tools;
  return input;
};

/** Only what changed; a cleared optional field is sent as `null`. */
const patchOf = (before: Values, after: Values): Partial<CommandInput> => {
  const patch: Partial<CommandInput> = {};
  if (after.kind !== before.kind) patch.kind = after.kind;
  if (after.name.trim() !== before.name) patch.name = after.name.trim();
  if (after.script !== before.script) patch.script = after.script;
  if (after.shared !== before.shared) patch.shared = after.shared;
  for (const field of ['description', 'workingDirectory', 'argumentHint', 'model'] as const) {
    if (after[field].trim() !== before[field].trim()) patch[field] = blankToNull(after[field]);
  }
  const tools = parseToolList(after.allowedTools);
  if (tools.join('\n') !== parseToolList(before.allowedTools).join('\n')) patch.allowedTools = tools;
  return patch;
};

const validate = (values: Values): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!COMMAND_NAME_PATTERN.test(values.name.trim())) {
    errors.name = 'Lower case letters, digits, “:”, “_” and “-”, starting with a letter or digit; at most 64.';
  }
  if (!values.script.trim()) {
    errors.script =
      values.kind === 'prompt' ? 'The prompt is what the agent is asked; it cannot be empty.' : 'The script is what the command runs; it cannot be empty.';
  }
  else if (new TextEncoder().encode(values.script).length > SCRIPT_MAX_BYTES) errors.script = 'At most 64 KiB.';
  return errors;
};

export type CommandFormProps =
  | { mode: 'create'; onSaved: (id: string) => void; command?: undefined }
  | { mode: 'edit'; command: CommandDetail; onSaved?: (id: string) => void };

/** Name, script and the Claude Code frontmatter of a slash command. */
export const CommandForm = (props: CommandFormProps) => {
  const form = useVersionedForm({ record: props.command, valuesOf, empty: EMPTY, validate });
  const { values } = form;
  const create = useCreateCommand();
  const update = useUpdateCommand();
  const mutation = props.mode === 'create' ? create : update;

  const onError = form.refusedWith({ [SLASH_COMMAND_NAME_TAKEN]: ['name', 'You already have a command with this name.'] });

  const submit = form.saveWith({
    create: (values) => create.mutate(inputOf(values), { onSuccess: (result) => props.onSaved?.(result.id), onError }),
    patchOf,
    update: (patch, command) =>
      update.mutate(
        { id: command.id, patch, expectedVersion: command.version },
        {
          onSuccess: (result) => {
            form.markSaved();
            props.onSaved?.(result.id);
          },
          onError,
        },
      ),
  });

  return (
    <SaveForm name="slash command" thing="command" className="command-form" mutation={mutation} form={form} onSubmit={submit}>
      <div className="form__row">
        <TextField
          label="Name"
          {...form.bind('name')}
          placeholder="deploy or git:push"
          hint="Typed as /name; “:” makes a namespace."
          autoComplete="off"
          spellCheck={false}
          data-testid="command-name"
        />
        <TextField label="Argument hint" {...form.bind('argumentHint')} placeholder="[environment] [version]" data-testid="command-argument-hint" />
      </div>
      <TextField label="Description" {...form.bind('description')} placeholder="What it does, in one line" data-testid="command-description" />
      <SelectField
        label="Kind"
        {...form.bind('kind')}
        options={[
          { value: 'script', label: 'Script: runs with Bash as one tool call' },
          { value: 'prompt', label: "Prompt: a Claude Code template the session's agent runs" },
        ]}
        data-testid="command-kind"
      />
      {values.kind === 'prompt' ? (
        <TextAreaField
          label="Prompt template"
          rows={12}
          {...form.bind('script')}
          hint={
            <>
              Sent to the session's agent as a prompt. <code>$ARGUMENTS</code> is all arguments, <code>$1</code>, <code>$2</code>… one each
              (quotes group words; a missing one is empty). A <code>!`command`</code> runs first, through the permission rules, and its
              output replaces it. Model and allowed tools below apply to the run. At most 64 KiB.
            </>
          }
          className="input input--multiline input--code"
          placeholder={'Review the changes for $ARGUMENTS.\nChanged files: !`git diff --name-only`'}
          data-testid="command-script"
        />
      ) : (
        <TextAreaField
          label="Script"
          rows={12}
          {...form.bind('script')}
          hint={
            <>
              Runs with Bash. <code>$ARGUMENTS</code>, <code>$ARGUMENTS[0]</code>, <code>$1</code>… are replaced by the run's
              arguments, shell-quoted. At most 64 KiB.
            </>
          }
          spellCheck={false}
          className="input input--multiline input--code"
          placeholder={'git push origin "$1"'}
          data-testid="command-script"
        />
      )}
      <div className="form__row">
        <TextField
          label="Working directory"
          {...form.bind('workingDirectory')}
          placeholder="/srv/app"
          spellCheck={false}
          data-testid="command-working-directory"
        />
        <TextField label="Model" {...form.bind('model')} placeholder="claude-sonnet-4" spellCheck={false} data-testid="command-model" />
      </div>
      <TextField
        label="Allowed tools"
        {...form.bind('allowedTools')}
        placeholder="Bash(git add:*), Bash(git status:*)"
        hint="Comma-separated rules, as in Claude Code's allowed-tools."
        spellCheck={false}
        data-testid="command-allowed-tools"
      />
      <CheckField label="Shared: everyone may read and run it (only you edit it)" {...form.check('shared')} testId="command-shared" />
    </SaveForm>
  );
};
