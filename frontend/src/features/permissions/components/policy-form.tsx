import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { fieldErrorsOf, FormError } from '@/components/form-error';
import { TextAreaField, TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { errorMessage, isApiError, isVersionMismatch, problemCode } from '@/lib/api-client';
import { useCreatePolicy } from '../api/create-policy';
import { useUpdatePolicy } from '../api/update-policy';
import {
  OUTCOMES,
  PERMISSION_POLICY_SLUG_TAKEN,
  POLICY_DESCRIPTION_MAX,
  POLICY_SLUG_MAX,
  POLICY_SLUG_PATTERN,
  POLICY_TITLE_MAX,
  ruleProblemOf,
  type Outcome,
  type Policy,
  type PolicyRule,
} from '../types';

/** A rule line being edited; `key` keeps React's rows stable while lines are added and removed. */
type RuleLine = PolicyRule & { key: number };

type Values = { slug: string; title: string; description: string; rules: RuleLine[] };

const PLACED = ['slug', 'title', 'description', 'rules'];

const linesOf = (rules: PolicyRule[], next: { current: number }): RuleLine[] =>
  rules.map((rule) => ({ ...rule, key: next.current++ }));

const rulesOf = (lines: RuleLine[]): PolicyRule[] => lines.map(({ rule, outcome }) => ({ rule: rule.trim(), outcome }));

const sameRules = (a: PolicyRule[], b: PolicyRule[]) =>
  a.length === b.length && a.every((rule, i) => rule.rule === b[i].rule && rule.outcome === b[i].outcome);

const validate = (values: Values, creating: boolean): Record<string, string> => {
  const errors: Record<string, string> = {};
  const slug = values.slug.trim();
  if (creating && (!POLICY_SLUG_PATTERN.test(slug) || slug.length > POLICY_SLUG_MAX)) {
    errors.slug = 'Lowercase letters and digits in words joined by “-”, e.g. no-network; at most 64.';
  }
  if (values.title.trim().length > POLICY_TITLE_MAX) errors.title = `At most ${POLICY_TITLE_MAX} characters.`;
  if (values.description.trim().length > POLICY_DESCRIPTION_MAX) errors.description = `At most ${POLICY_DESCRIPTION_MAX} characters.`;
  const seen = new Set<string>();
  values.rules.forEach((line, index) => {
    const text = line.rule.trim();
    if (!text) errors[`rule-${index}`] = 'Write the rule, or remove this line.';
    else if (seen.has(text)) errors[`rule-${index}`] = 'This rule is listed already.';
    seen.add(text);
  });
  return errors;
};

export type PolicyFormProps =
  | { mode: 'create'; policy?: undefined; onSaved: (slug: string) => void; onCancel: () => void }
  | { mode: 'edit'; policy: Policy; onSaved: (slug: string) => void; onCancel: () => void };

/**
 * A policy of your own: its slug (fixed once created, subagents refer to it), title, description and rules, each a
 * Claude Code rule with its outcome. Rules are checked by the node exactly as single rules are.
 */
export const PolicyForm = (props: PolicyFormProps) => {
  const nextKey = useRef(0);
  const [values, setValues] = useState<Values>(() =>
    props.mode === 'edit'
      ? {
          slug: props.policy.slug,
          title: props.policy.title ?? props.policy.name,
          description: props.policy.description ?? '',
          rules: linesOf(props.policy.rules, nextKey),
        }
      : { slug: '', title: '', description: '', rules: linesOf([{ rule: '', outcome: 'deny' }], nextKey) },
  );
  // What the form was opened on: changes are sent relative to it, with its version, so a save made elsewhere meanwhile
  // is refused (412) instead of silently overwritten when the list refetches underneath the form.
  const [base] = useState(props.policy);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const mutation = props.mode === 'create' ? create : update;
  const creating = props.mode === 'create';

  const clear = (...fields: string[]) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field))));
  const set = (field: 'slug' | 'title' | 'description', value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  };
  const setLine = (index: number, change: Partial<PolicyRule>) => {
    setValues((current) => ({ ...current, rules: current.rules.map((line, i) => (i === index ? { ...line, ...change } : line)) }));
    clear(`rule-${index}`);
  };
  const addLine = () =>
    setValues((current) => ({ ...current, rules: [...current.rules, { rule: '', outcome: 'deny', key: nextKey.current++ }] }));
  const removeLine = (index: number) => {
    setValues((current) => ({ ...current, rules: current.rules.filter((_, i) => i !== index) }));
    // Positions after the removed line shift, so their messages would point at the wrong rule.
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !field.startsWith('rule-'))));
  };

  const onError = (error: unknown) => {
    const byField = fieldErrorsOf(error);
    if (problemCode(error) === PERMISSION_POLICY_SLUG_TAKEN) byField.slug = errorMessage(error);
    const ruleProblem = ruleProblemOf(isApiError(error) ? error.problem.detail : undefined);
    if (ruleProblem) byField[`rule-${ruleProblem.index}`] = ruleProblem.message;
    setErrors(byField);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values, creating);
    setErrors(found);
    if (Object.keys(found).length) return;
    const rules = rulesOf(values.rules);
    if (props.mode === 'create') {
      create.mutate(
        { slug: values.slug.trim(), title: values.title.trim(), description: values.description.trim(), rules },
        { onSuccess: (written) => props.onSaved(written.slug), onError },
      );
      return;
    }
    const policy = base ?? props.policy;
    const patch: { title?: string; description?: string; rules?: PolicyRule[] } = {};
    if (values.title.trim() !== (policy.title ?? policy.name)) patch.title = values.title.trim();
    if (values.description.trim() !== (policy.description ?? '')) patch.description = values.description.trim();
    if (!sameRules(rules, policy.rules)) patch.rules = rules;
    if (Object.keys(patch).length === 0) {
      props.onSaved(policy.slug);
      return;
    }
    update.mutate(
      { slug: policy.slug, patch, expectedVersion: policy.version ?? undefined },
      { onSuccess: (written) => props.onSaved(written.slug), onError },
    );
  };

  const conflict = isVersionMismatch(mutation.error);
  // A refused rule is shown on its line; the general alert would only repeat it.
  const ruleRefusal = isApiError(mutation.error) && ruleProblemOf(mutation.error.problem.detail) !== undefined;
  return (
    <form
      className="form policy-form"
      onSubmit={submit}
      noValidate
      data-testid="policy-form"
      aria-label={creating ? 'New permission policy' : `Edit policy ${props.policy.slug}`}
    >
      {conflict ? (
        <Alert tone="warning" title="Changed elsewhere" testId="policy-conflict">
          This policy was changed elsewhere while you edited it. Close the form to see the latest version, then edit again.
        </Alert>
      ) : (
        !ruleRefusal && (
          <FormError error={mutation.error} title={creating ? 'Policy not created' : 'Policy not saved'} placedFields={PLACED} testId="policy-form-error" />
        )
      )}
      <div className="form__row">
        <TextField
          label="Slug"
          value={values.slug}
          onChange={(e) => set('slug', e.target.value)}
          error={errors.slug}
          placeholder="no-network"
          hint={creating ? 'How subagents refer to it; it cannot change later.' : 'Subagents refer to the policy by it, so it stays.'}
          readOnly={!creating}
          autoComplete="off"
          spellCheck={false}
          data-testid="policy-slug"
        />
        <TextField
          label="Title"
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          error={errors.title}
          placeholder="No network"
          hint="Defaults to the slug."
          data-testid="policy-title"
        />
      </div>
      <TextAreaField
        label="Description"
        rows={2}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
        placeholder="What the policy keeps agents from doing"
        data-testid="policy-description"
      />
      <fieldset className="policy-form__rules" data-testid="policy-rules">
        <legend className="field__label">Rules</legend>
        {values.rules.length === 0 && <p className="muted">No rules yet: the policy changes nothing until it has some.</p>}
        {values.rules.map((line, index) => (
          <div key={line.key} className="policy-form__rule">
            <TextField
              label={`Rule ${index + 1}`}
              value={line.rule}
              onChange={(e) => setLine(index, { rule: e.target.value })}
              error={errors[`rule-${index}`]}
              placeholder="Bash(curl *)"
              spellCheck={false}
              autoComplete="off"
              data-testid={`policy-rule-text-${index}`}
            />
            <label className="inline-field">
              <span className="field__label">Outcome</span>
              <select
                className="input input--select input--inline"
                value={line.outcome}
                onChange={(e) => setLine(index, { outcome: e.target.value as Outcome })}
                data-testid={`policy-rule-outcome-${index}`}
              >
                {OUTCOMES.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {outcome}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--danger-ghost"
              onClick={() => removeLine(index)}
              aria-label={`Remove rule ${index + 1}`}
              data-testid={`policy-rule-remove-${index}`}
            >
              Remove
            </button>
          </div>
        ))}
        <p className="field__hint">
          Claude Code syntax: <code>Bash(npm run test:*)</code>, <code>Read(./secrets/**)</code>, <code>WebFetch(domain:example.com)</code>. Deny
          beats ask beats allow, wherever a rule comes from.
        </p>
        <div>
          <button type="button" className="button" onClick={addLine} data-testid="policy-rule-add">
            Add rule
          </button>
        </div>
      </fieldset>
      <SubmitRow
        before={
          <button type="button" className="button" onClick={props.onCancel} data-testid="policy-cancel">
            Cancel
          </button>
        }
        busy={mutation.isPending}
        busyLabel="Saving…"
        data-testid="policy-save"
      >
        {creating ? 'Create policy' : 'Save policy'}
      </SubmitRow>
    </form>
  );
};
