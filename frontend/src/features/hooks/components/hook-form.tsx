import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { fieldErrorsOf, FormError } from '@/components/form-error';
import { SelectField, TextField } from '@/components/field';
import { isVersionMismatch, problemCode } from '@/lib/api-client';
import { shortId } from '@/lib/format';
import { useCreateHook } from '../api/create-hook';
import { useSessionChoices, useSubagentChoices } from '../api/list-hook-targets';
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

const FIELDS: (keyof Values)[] = ['name', 'event', 'matcher', 'type', 'url', 'command', 'sessionId', 'subagentId', 'timeoutSeconds', 'active', 'onFailure'];

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
  const initial = props.mode === 'edit' ? valuesOf(props.hook) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const [base, setBase] = useState<Values>(initial);
  const [baseVersion, setBaseVersion] = useState(props.hook?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const sessions = useSessionChoices();
  const subagents = useSubagentChoices();
  const create = useCreateHook();
  const update = useUpdateHook();
  const mutation = props.mode === 'create' ? create : update;

  if (props.mode === 'edit' && props.hook.version !== baseVersion) {
    const next = valuesOf(props.hook);
    const untouched = FIELDS.every((field) => values[field] === base[field]);
    setBaseVersion(props.hook.version);
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
    const code = problemCode(error);
    if (code === HOOK_MATCHER_INVALID) byField.matcher = byField.matcher ?? 'Not a valid RE2 regular expression.';
    if (code === HOOK_TARGET_REFUSED) byField.url = byField.url ?? 'This node does not deliver webhooks to this address.';
    if (code === HOOK_NAME_TAKEN) byField.name = byField.name ?? 'You already have a hook of this name.';
    setErrors(byField);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (props.mode === 'create') {
      const input = inputOf(values);
      create.mutate(input, {
        onSuccess: (result) => {
          // The secret goes to the dialog only, never stays in the mutation's state.
          create.reset();
          props.onCreated(result, input.name);
        },
        onError,
      });
      return;
    }
    const patch = patchOf(base, values);
    if (Object.keys(patch).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate({ id: props.hook.id, patch, expectedVersion: props.hook.version }, { onSuccess: () => setSaved(true), onError });
  };

  return (
    <form className="form hook-form" onSubmit={submit} noValidate data-testid="hook-form" aria-label={props.mode === 'create' ? 'New hook' : 'Edit hook'}>
      {isVersionMismatch(mutation.error) ? (
        <Alert tone="warning" title="Changed elsewhere">
          This hook was changed elsewhere while you edited it. The latest version is loaded; check it and save again.
        </Alert>
      ) : (
        <FormError error={mutation.error} title={props.mode === 'create' ? 'Hook not created' : 'Hook not saved'} placedFields={FIELDS} testId="hook-form-error" />
      )}
      <div className="form__row">
        <TextField label="Name" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} placeholder="audit log" data-testid="hook-name" />
        <SelectField
          label="Event"
          value={values.event}
          onChange={(e) => set('event', e.target.value as HookEvent)}
          options={HOOK_EVENTS.map((value) => ({ value, label: value === 'PreToolUse' ? 'PreToolUse — before the call runs (may block it)' : 'PostToolUse — after it ran' }))}
          error={errors.event}
          data-testid="hook-event"
        />
      </div>
      <TextField
        label="Matcher"
        value={values.matcher}
        onChange={(e) => set('matcher', e.target.value)}
        error={errors.matcher}
        placeholder="Bash|Write"
        hint={<>An RE2 regular expression matched against the whole tool name; empty or <code>*</code> matches every tool.</>}
        spellCheck={false}
        data-testid="hook-matcher"
      />
      <div className="form__row">
        <SelectField
          label="Type"
          value={values.type}
          onChange={(e) => set('type', e.target.value as HookType)}
          options={HOOK_TYPES.map((value) => ({ value, label: value === 'webhook' ? 'webhook — POST a signed event' : 'command — run a command' }))}
          error={errors.type}
          data-testid="hook-type"
        />
        <TextField
          label="Timeout (seconds)"
          type="number"
          min={1}
          inputMode="numeric"
          value={values.timeoutSeconds}
          onChange={(e) => set('timeoutSeconds', e.target.value)}
          error={errors.timeoutSeconds}
          hint="Empty: the node's default."
          data-testid="hook-timeout"
        />
      </div>
      {values.type === 'webhook' ? (
        <TextField
          label="URL"
          type="url"
          value={values.url}
          onChange={(e) => set('url', e.target.value)}
          error={errors.url}
          placeholder="https://example.com/orchwiz"
          hint="Signed with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature); retried 5 times, then dead-lettered."
          spellCheck={false}
          data-testid="hook-url"
        />
      ) : (
        <TextField
          label="Command"
          value={values.command}
          onChange={(e) => set('command', e.target.value)}
          error={errors.command}
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
          value={values.sessionId}
          onChange={(e) => set('sessionId', e.target.value)}
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.title?.trim() || 'Untitled session'} (${shortId(s.id)})` }))}
          placeholder="Any session"
          error={errors.sessionId}
          data-testid="hook-session"
        />
        <SelectField
          label="Only for subagent"
          value={values.subagentId}
          onChange={(e) => set('subagentId', e.target.value)}
          options={(subagents.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          placeholder="Any subagent"
          error={errors.subagentId}
          data-testid="hook-subagent"
        />
      </div>
      {values.event === 'PreToolUse' && (
        <SelectField
          label="If the hook cannot answer"
          value={values.onFailure}
          onChange={(e) => set('onFailure', e.target.value as HookFailurePolicy)}
          options={HOOK_FAILURE_POLICIES.map((value) => ({
            value,
            label: value === 'block' ? 'block the call (safer)' : 'let the call go on',
          }))}
          error={errors.onFailure}
          hint="Unreachable, timed out, an error answer or a failing command: the call's trail says which and why."
          data-testid="hook-on-failure"
        />
      )}
      <label className="scopes__option">
        <input type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} data-testid="hook-active" />
        <span>Active</span>
      </label>
      <div className="form__actions">
        {saved && !mutation.isPending && (
          <span role="status" className="muted" data-testid="hook-saved">
            Saved.
          </span>
        )}
        <button type="submit" className="button button--primary" disabled={mutation.isPending} data-testid="hook-save">
          {mutation.isPending ? 'Saving…' : props.mode === 'create' ? 'Create hook' : 'Save changes'}
        </button>
      </div>
    </form>
  );
};
