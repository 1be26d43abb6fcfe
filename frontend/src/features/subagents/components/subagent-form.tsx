import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { fieldErrorsOf, FormError } from '@/components/form-error';
import { TextAreaField, TextField } from '@/components/field';
import { isVersionMismatch, problemCode } from '@/lib/api-client';
import { formatToolList, parseToolList } from '@/lib/tool-list';
import { useCreateSubagent } from '../api/create-subagent';
import { useUpdateSubagent } from '../api/update-subagent';
import { SUBAGENT_NAME_TAKEN, type Subagent, type SubagentInput } from '../types';

type Values = { name: string; description: string; prompt: string; tools: string; model: string; settings: string; shared: boolean };

const FIELDS: (keyof Values)[] = ['name', 'description', 'prompt', 'tools', 'model', 'settings', 'shared'];
const EMPTY: Values = { name: '', description: '', prompt: '', tools: '', model: '', settings: '', shared: false };

const valuesOf = (subagent: Subagent): Values => ({
  name: subagent.name,
  description: subagent.description ?? '',
  prompt: subagent.prompt ?? '',
  tools: formatToolList(subagent.tools),
  model: subagent.model ?? '',
  settings: subagent.settings && Object.keys(subagent.settings).length ? JSON.stringify(subagent.settings, null, 2) : '',
  shared: subagent.shared,
});

const parseSettings = (text: string): Record<string, unknown> | null | 'invalid' => {
  if (!text.trim()) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : 'invalid';
  } catch {
    return 'invalid';
  }
};

const inputOf = (values: Values): SubagentInput => {
  const input: SubagentInput = { name: values.name.trim(), description: values.description.trim(), prompt: values.prompt, shared: values.shared };
  const tools = parseToolList(values.tools);
  if (tools.length) input.tools = tools;
  if (values.model.trim()) input.model = values.model.trim();
  const settings = parseSettings(values.settings);
  if (settings && settings !== 'invalid') input.settings = settings;
  return input;
};

const patchOf = (before: Values, after: Values): Partial<SubagentInput> => {
  const patch: Partial<SubagentInput> = {};
  if (after.name.trim() !== before.name) patch.name = after.name.trim();
  if (after.description.trim() !== before.description.trim()) patch.description = after.description.trim();
  if (after.prompt !== before.prompt) patch.prompt = after.prompt;
  if (after.shared !== before.shared) patch.shared = after.shared;
  if (after.model.trim() !== before.model.trim()) patch.model = after.model.trim() || null;
  const tools = parseToolList(after.tools);
  if (tools.join('\n') !== parseToolList(before.tools).join('\n')) patch.tools = tools;
  if (after.settings.trim() !== before.settings.trim()) {
    const settings = parseSettings(after.settings);
    patch.settings = settings === 'invalid' ? null : settings;
  }
  return patch;
};

const validate = (values: Values): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Name it in lower case with hyphens, e.g. code-reviewer.';
  if (!values.description.trim()) errors.description = 'Say when the agent should use this subagent.';
  if (!values.prompt.trim()) errors.prompt = 'The system prompt of the subagent.';
  if (parseSettings(values.settings) === 'invalid') errors.settings = 'A JSON object, or empty.';
  return errors;
};

export type SubagentFormProps =
  | { mode: 'create'; onSaved: (id: string) => void; subagent?: undefined }
  | { mode: 'edit'; subagent: Subagent; onSaved?: undefined };

/** What a Claude Code subagent file holds: name, description, prompt, tools and model. */
export const SubagentForm = (props: SubagentFormProps) => {
  const initial = props.mode === 'edit' ? valuesOf(props.subagent) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const [base, setBase] = useState<Values>(initial);
  const [baseVersion, setBaseVersion] = useState(props.subagent?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const create = useCreateSubagent();
  const update = useUpdateSubagent();
  const mutation = props.mode === 'create' ? create : update;

  if (props.mode === 'edit' && props.subagent.version !== baseVersion) {
    const next = valuesOf(props.subagent);
    const untouched = FIELDS.every((field) => values[field] === base[field]);
    setBaseVersion(props.subagent.version);
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
    if (problemCode(error) === SUBAGENT_NAME_TAKEN) byField.name = 'You already have a subagent with this name.';
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
    update.mutate({ id: props.subagent.id, patch, expectedVersion: props.subagent.version }, { onSuccess: () => setSaved(true), onError });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="subagent-form" aria-label={props.mode === 'create' ? 'New subagent' : 'Edit subagent'}>
      {isVersionMismatch(mutation.error) ? (
        <Alert tone="warning" title="Changed elsewhere">
          This subagent was changed elsewhere while you edited it. The latest version is loaded; check it and save again.
        </Alert>
      ) : (
        <FormError error={mutation.error} title={props.mode === 'create' ? 'Subagent not created' : 'Subagent not saved'} placedFields={FIELDS} testId="subagent-form-error" />
      )}
      <div className="form__row">
        <TextField label="Name" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} placeholder="code-reviewer" spellCheck={false} data-testid="subagent-name" />
        <TextField label="Model" value={values.model} onChange={(e) => set('model', e.target.value)} error={errors.model} placeholder="sonnet, opus, inherit…" spellCheck={false} data-testid="subagent-model" />
      </div>
      <TextField
        label="Description"
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
        placeholder="Reviews code for quality and security. Use after every change."
        data-testid="subagent-description"
      />
      <TextAreaField label="Prompt" rows={10} value={values.prompt} onChange={(e) => set('prompt', e.target.value)} error={errors.prompt} hint="The subagent's system prompt." data-testid="subagent-prompt" />
      <TextField
        label="Tools"
        value={values.tools}
        onChange={(e) => set('tools', e.target.value)}
        error={errors.tools}
        placeholder="Read, Grep, Glob, Bash(git diff:*)"
        hint="Comma-separated; empty inherits every tool."
        spellCheck={false}
        data-testid="subagent-tools"
      />
      <TextAreaField
        label="Settings (JSON)"
        rows={3}
        value={values.settings}
        onChange={(e) => set('settings', e.target.value)}
        error={errors.settings}
        placeholder='{"maxTurns": 20}'
        hint="Optional; an object."
        spellCheck={false}
        data-testid="subagent-settings"
      />
      <label className="scopes__option">
        <input type="checkbox" checked={values.shared} onChange={(e) => set('shared', e.target.checked)} data-testid="subagent-shared" />
        <span>Shared: everyone may read and use it (only you edit it)</span>
      </label>
      <div className="form__actions">
        {saved && !mutation.isPending && (
          <span role="status" className="muted" data-testid="subagent-saved">
            Saved.
          </span>
        )}
        <button type="submit" className="button button--primary" disabled={mutation.isPending} data-testid="subagent-save">
          {mutation.isPending ? 'Saving…' : props.mode === 'create' ? 'Create subagent' : 'Save changes'}
        </button>
      </div>
    </form>
  );
};
