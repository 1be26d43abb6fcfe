import { TextAreaField, TextField } from '@/components/field';
import { CheckField, SaveForm } from '@/components/save-form';
import { formatToolList, parseToolList } from '@/lib/tool-list';
import { useVersionedForm } from '@/lib/use-versioned-form';
import { useCreateSubagent } from '../api/create-subagent';
import { useUpdateSubagent } from '../api/update-subagent';
import { SUBAGENT_NAME_TAKEN, type Subagent, type SubagentInput } from '../types';

type Values = { name: string; description: string; prompt: string; tools: string; model: string; settings: string; shared: boolean };

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
  const form = useVersionedForm({ record: props.subagent, valuesOf, empty: EMPTY, validate });
  const create = useCreateSubagent();
  const update = useUpdateSubagent();
  const mutation = props.mode === 'create' ? create : update;

  const onError = form.refusedWith({ [SUBAGENT_NAME_TAKEN]: ['name', 'You already have a subagent with this name.'] });

  const submit = form.saveWith({
    create: (values) => create.mutate(inputOf(values), { onSuccess: (result) => props.onSaved?.(result.id), onError }),
    patchOf,
    update: (patch, subagent) => update.mutate({ id: subagent.id, patch, expectedVersion: subagent.version }, { onSuccess: form.markSaved, onError }),
  });

  return (
    <SaveForm name="subagent" mutation={mutation} form={form} onSubmit={submit}>
      <div className="form__row">
        <TextField label="Name" {...form.bind('name')} placeholder="code-reviewer" spellCheck={false} data-testid="subagent-name" />
        <TextField label="Model" {...form.bind('model')} placeholder="sonnet, opus, inherit…" spellCheck={false} data-testid="subagent-model" />
      </div>
      <TextField
        label="Description"
        {...form.bind('description')}
        placeholder="Reviews code for quality and security. Use after every change."
        data-testid="subagent-description"
      />
      <TextAreaField label="Prompt" rows={10} {...form.bind('prompt')} hint="The subagent's system prompt." data-testid="subagent-prompt" />
      <TextField
        label="Tools"
        {...form.bind('tools')}
        placeholder="Read, Grep, Glob, Bash(git diff:*)"
        hint="Comma-separated; empty inherits every tool."
        spellCheck={false}
        data-testid="subagent-tools"
      />
      <TextAreaField
        label="Settings (JSON)"
        rows={3}
        {...form.bind('settings')}
        placeholder='{"maxTurns": 20}'
        hint="Optional; an object."
        spellCheck={false}
        data-testid="subagent-settings"
      />
      <CheckField label="Shared: everyone may read and use it (only you edit it)" {...form.check('shared')} testId="subagent-shared" />
    </SaveForm>
  );
};
