import { SelectField, TextField } from '@/components/field';
import { fieldErrorsOf } from '@/components/form-error';
import { CheckField, SaveForm } from '@/components/save-form';
import { problemCode } from '@/lib/api-client';
import { shortId } from '@/lib/format';
import { useVersionedForm } from '@/lib/use-versioned-form';
import { useCreateHook } from '../api/create-hook';
import { useSessionChoices, useSubagentChoices } from '@/lib/choices';
import { useUpdateHook } from '../api/update-hook';
import {
  HOOK_EVENTS,
  HOOK_FAILURE_POLICIES,
  HOOK_MATCHER_INVALID,
  HOOK_NAME_TAKEN,
  HOOK_TARGET_REFUSED,
  HOOK_TYPES,
  type Hook,
  type HookEvent,
  type HookFailurePolicy,
  type HookInput,
  type HookType,
  type HookWriteResult,
} from '../types';

type Values = {
  name: string;
  event: HookEvent;
  matcher: string;
  type: HookType;
  url: string;
  command: string;
  sessionId: string;
  subagentId: string;
  timeoutSeconds: string;
  active: boolean;
  onFailure: HookFailurePolicy;
};

const EMPTY: Values = {
  name: '',
  event: 'PreToolUse',
  matcher: 'Bash',
  type: 'webhook',
  url: '',
  command: '',
  sessionId: '',
  subagentId: '',
  timeoutSeconds: '',
  active: true,
  onFailure: 'block',
};

const valuesOf = (hook: Hook): Values => ({
  name: hook.name,
  event: hook.event,
  matcher: hook.matcher ?? '',
  type: hook.type,
  url: hook.url ?? '',
  command: hook.command ?? '',
  sessionId: hook.sessionId ?? '',
  subagentId: hook.subagentId ?? '',
  timeoutSeconds: hook.timeoutSeconds === null || hook.timeoutSeconds === undefined ? '' : String(hook.timeoutSeconds),
  active: hook.active,
  onFailure: hook.onFailure ?? 'block',
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

const inputOf = (values: Values): HookInput => {
  const input: HookInput = { name: values.name.trim(), event: values.event, matcher: values.matcher.trim(), type: values.type, active: values.active };
  if (values.type === 'webhook') input.url = values.url.trim();
  else input.command = values.command.trim();
  if (values.sessionId) input.sessionId = values.sessionId;
  if (values.subagentId) input.subagentId = values.subagentId;
  if (values.timeoutSeconds.trim()) input.timeoutSeconds = Number(values.timeoutSeconds);
  if (values.event === 'PreToolUse') input.onFailure = values.onFailure;
  return input;
};

const patchOf = (before: Values, after: Values): Partial<HookInput> => {
  const full = inputOf(after);
  const patch: Partial<HookInput> = {};
  if (after.name.trim() !== before.name) patch.name = full.name;
  if (after.event !== before.event) patch.event = after.event;
  if (after.matcher.trim() !== before.matcher) patch.matcher = full.matcher;
  if (after.type !== before.type) patch.type = after.type;
  if (after.active !== before.active) patch.active = after.active;
  if (after.url.trim() !== before.url || after.type !== before.type) patch.url = after.type === 'webhook' ? orNull(after.url) : null;
  if (after.command.trim() !== before.command || after.type !== before.type) patch.command = after.type === 'command' ? orNull(after.command) : null;
  if (after.sessionId !== before.sessionId) patch.sessionId = after.sessionId || null;
  if (after.subagentId !== before.subagentId) patch.subagentId = after.subagentId || null;
  if (after.timeoutSeconds.trim() !== before.timeoutSeconds) patch.timeoutSeconds = after.timeoutSeconds.trim() ? Number(after.timeoutSeconds) : null;
  if (after.onFailure !== before.onFailure) patch.onFailure = after.onFailure;
  return patch;
};

const validate = (values: Values): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Name the hook after what it does, e.g. “audit log”.';
  if (values.type === 'webhook' && !/^https?:\/\/\S+$/i.test(values.url.trim())) errors.url = 'An http(s) URL the node will POST to.';
  if (values.type === 'command' && !values.command.trim()) errors.command = 'The command the node runs.';
  const timeout = values.timeoutSeconds.trim();
  if (timeout && !(Number.isInteger(Number(timeout)) && Number(timeout) > 0)) errors.timeoutSeconds = 'Whole seconds, 1 or more; empty for the default.';
  return errors;
};

export type HookFormProps =
  | { mode: 'create'; onCreated: (result: HookWriteResult, name: string) => void; hook?: undefined }
  | { mode: 'edit'; hook: Hook; onCreated?: undefined };

/** When a hook fires (event, matcher, session, subagent) and what it does (a webhook or a command). */
export const HookForm = (props: HookFormProps) => {
  const form = useVersionedForm({ record: props.hook, valuesOf, empty: EMPTY, validate });
  const { values } = form;
  const sessions = useSessionChoices();
  const subagents = useSubagentChoices();
  const create = useCreateHook();
  const update = useUpdateHook();
  const mutation = props.mode === 'create' ? create : update;

  const onError = (error: unknown) => {
    const byField = fieldErrorsOf(error);
    const code = problemCode(error);
    if (code === HOOK_MATCHER_INVALID) byField.matcher = byField.matcher ?? 'Not a valid RE2 regular expression.';
    if (code === HOOK_TARGET_REFUSED) byField.url = byField.url ?? 'This node does not deliver webhooks to this address.';
    if (code === HOOK_NAME_TAKEN) byField.name = byField.name ?? 'You already have a hook of this name.';
    form.setErrors(byField);
  };

  const submit = form.saveWith({
    create: (values) => {
      const input = inputOf(values);
      create.mutate(input, {
        onSuccess: (result) => {
          // The secret goes to the dialog only, never stays in the mutation's state.
          create.reset();
          props.onCreated?.(result, input.name);
        },
        onError,
      });
    },
    patchOf,
    update: (patch, hook) => update.mutate({ id: hook.id, patch, expectedVersion: hook.version }, { onSuccess: form.markSaved, onError }),
  });

  return (
    <SaveForm name="hook" className="hook-form" mutation={mutation} form={form} onSubmit={submit}>
      <div className="form__row">
        <TextField label="Name" {...form.bind('name')} placeholder="audit log" data-testid="hook-name" />
        <SelectField
          label="Event"
          {...form.bind('event')}
          options={HOOK_EVENTS.map((value) => ({ value, label: value === 'PreToolUse' ? 'PreToolUse — before the call runs (may block it)' : 'PostToolUse — after it ran' }))}
          data-testid="hook-event"
        />
      </div>
      <TextField
        label="Matcher"
        {...form.bind('matcher')}
        placeholder="Bash|Write"
        hint={<>An RE2 regular expression matched against the whole tool name; empty or <code>*</code> matches every tool.</>}
        spellCheck={false}
        data-testid="hook-matcher"
      />
      <div className="form__row">
        <SelectField
          label="Type"
          {...form.bind('type')}
          options={HOOK_TYPES.map((value) => ({ value, label: value === 'webhook' ? 'webhook — POST a signed event' : 'command — run a command' }))}
          data-testid="hook-type"
        />
        <TextField
          label="Timeout (seconds)"
          type="number"
          min={1}
          inputMode="numeric"
          {...form.bind('timeoutSeconds')}
          hint="Empty: the node's default."
          data-testid="hook-timeout"
        />
      </div>
      {values.type === 'webhook' ? (
        <TextField
          label="URL"
          type="url"
          {...form.bind('url')}
          placeholder="https://example.com/orchwiz"
          hint="Signed with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature); retried 5 times, then dead-lettered."
          spellCheck={false}
          data-testid="hook-url"
        />
      ) : (
        <TextField
          label="Command"
          {...form.bind('command')}
          placeholder="./scripts/check-call.sh"
          hint="Gets the event as JSON on stdin; for PreToolUse, exit code 2 blocks the call."
          spellCheck={false}
          className="input input--code"
          data-testid="hook-command"
        />
      )}
      <div className="form__row">
        <SelectField
          label="Only in session"
          {...form.bind('sessionId')}
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.title?.trim() || 'Untitled session'} (${shortId(s.id)})` }))}
          placeholder="Any session"
          data-testid="hook-session"
        />
        <SelectField
          label="Only for subagent"
          {...form.bind('subagentId')}
          options={(subagents.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          placeholder="Any subagent"
          data-testid="hook-subagent"
        />
      </div>
      {values.event === 'PreToolUse' && (
        <SelectField
          label="If the hook cannot answer"
          {...form.bind('onFailure')}
          options={HOOK_FAILURE_POLICIES.map((value) => ({
            value,
            label: value === 'block' ? 'block the call (safer)' : 'let the call go on',
          }))}
          hint="Unreachable, timed out, an error answer or a failing command: the call's trail says which and why."
          data-testid="hook-on-failure"
        />
      )}
      <CheckField label="Active" {...form.check('active')} testId="hook-active" />
    </SaveForm>
  );
};
