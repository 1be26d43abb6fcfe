import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, FormError } from '@/components/form-error';
import { TextAreaField, TextField } from '@/components/field';
import { isVersionMismatch, problemCode } from '@/lib/api-client';
import { Alert } from '@/components/alert';
import { useCreateCommand } from '../api/create-command';
import { useUpdateCommand } from '../api/update-command';
import { formatToolList, parseToolList } from '@/lib/tool-list';
import { COMMAND_NAME_PATTERN, SCRIPT_MAX_BYTES, SLASH_COMMAND_NAME_TAKEN, type CommandDetail, type CommandInput } from '../types';

type Values = {
  name: string;
  description: string;
  script: string;
  workingDirectory: string;
  argumentHint: string;
  allowedTools: string;
  model: string;
  shared: boolean;
};

const FIELDS: (keyof Values)[] = ['name', 'description', 'script', 'workingDirectory', 'argumentHint', 'allowedTools', 'model', 'shared'];

const EMPTY: Values = {
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
  const input: CommandInput = { name: values.name.trim(), script: values.script, shared: values.shared };
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
  if (!values.script.trim()) errors.script = 'The script is what the command runs; it cannot be empty.';
  else if (new TextEncoder().encode(values.script).length > SCRIPT_MAX_BYTES) errors.script = 'At most 64 KiB.';
  return errors;
};

export type CommandFormProps =
  | { mode: 'create'; onSaved: (id: string) => void; command?: undefined }
  | { mode: 'edit'; command: CommandDetail; onSaved?: (id: string) => void };

/** Name, script and the Claude Code frontmatter of a slash command. */
export const CommandForm = (props: CommandFormProps) => {
  const initial = props.mode === 'edit' ? valuesOf(props.command) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const [base, setBase] = useState<Values>(initial);
  const [baseVersion, setBaseVersion] = useState(props.command?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const create = useCreateCommand();
  const update = useUpdateCommand();
  const mutation = props.mode === 'create' ? create : update;

  // A newer version arrived (saved here or elsewhere): start from it unless you are editing.
  if (props.mode === 'edit' && props.command.version !== baseVersion) {
    const next = valuesOf(props.command);
    const untouched = FIELDS.every((field) => values[field] === base[field]);
    setBaseVersion(props.command.version);
    setBase(next);
    if (untouched) setValues(next);
  }

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
    setSaved(false);
  };

  const onError = (error: unknown) => {
    const byField = fieldErrorsOf(error);
    if (problemCode(error) === SLASH_COMMAND_NAME_TAKEN) byField.name = 'You already have a command with this name.';
    setErrors(byField);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (props.mode === 'create') {
      create.mutate(inputOf(values), { onSuccess: (result) => props.onSaved(result.id), onError });
      return;
    }
    const patch = patchOf(base, values);
    if (Object.keys(patch).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(
      { id: props.command.id, patch, expectedVersion: props.command.version },
      {
        onSuccess: (result) => {
          setSaved(true);
          props.onSaved?.(result.id);
        },
        onError,
      },
    );
  };

  const conflict = isVersionMismatch(mutation.error);
  return (
    <form className="form command-form" onSubmit={submit} noValidate data-testid="command-form" aria-label={props.mode === 'create' ? 'New slash command' : 'Edit slash command'}>
      {conflict ? (
        <Alert tone="warning" title="Changed elsewhere" testId="command-conflict">
          This command was changed elsewhere while you edited it. The latest version is loaded; check it and save again.
        </Alert>
      ) : (
        <FormError
          error={mutation.error}
          title={props.mode === 'create' ? 'Command not created' : 'Command not saved'}
          placedFields={FIELDS}
          testId="command-form-error"
        />
      )}
      <div className="form__row">
        <TextField
          label="Name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
          placeholder="deploy or git:push"
          hint="Typed as /name; “:” makes a namespace."
          autoComplete="off"
          spellCheck={false}
          data-testid="command-name"
        />
        <TextField
          label="Argument hint"
          value={values.argumentHint}
          onChange={(e) => set('argumentHint', e.target.value)}
          error={errors.argumentHint}
          placeholder="[environment] [version]"
          data-testid="command-argument-hint"
        />
      </div>
      <TextField
        label="Description"
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
        placeholder="What it does, in one line"
        data-testid="command-description"
      />
      <TextAreaField
        label="Script"
        rows={12}
        value={values.script}
        onChange={(e) => set('script', e.target.value)}
        error={errors.script}
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
      <div className="form__row">
        <TextField
          label="Working directory"
          value={values.workingDirectory}
          onChange={(e) => set('workingDirectory', e.target.value)}
          error={errors.workingDirectory}
          placeholder="/srv/app"
          spellCheck={false}
          data-testid="command-working-directory"
        />
        <TextField
          label="Model"
          value={values.model}
          onChange={(e) => set('model', e.target.value)}
          error={errors.model}
          placeholder="claude-sonnet-4"
          spellCheck={false}
          data-testid="command-model"
        />
      </div>
      <TextField
        label="Allowed tools"
        value={values.allowedTools}
        onChange={(e) => set('allowedTools', e.target.value)}
        error={errors.allowedTools}
        placeholder="Bash(git add:*), Bash(git status:*)"
        hint="Comma-separated rules, as in Claude Code's allowed-tools."
        spellCheck={false}
        data-testid="command-allowed-tools"
      />
      <label className="scopes__option">
        <input type="checkbox" checked={values.shared} onChange={(e) => set('shared', e.target.checked)} data-testid="command-shared" />
        <span>Shared: everyone may read and run it (only you edit it)</span>
      </label>
      {errors.shared && <p className="field__error">{errors.shared}</p>}
      <div className="form__actions">
        {saved && !mutation.isPending && (
          <span role="status" className="muted" data-testid="command-saved">
            Saved.
          </span>
        )}
        <button type="submit" className="button button--primary" disabled={mutation.isPending} data-testid="command-save">
          {mutation.isPending ? 'Saving…' : props.mode === 'create' ? 'Create command' : 'Save changes'}
        </button>
      </div>
    </form>
  );
};
