import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, FormError } from '@/components/form-error';
import { SelectField, TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { problemCode } from '@/lib/api-client';
import { useFieldErrors } from '@/lib/use-field-errors';
import { useAddRule } from '../api/add-rule';
import { OUTCOMES, PERMISSION_GLOBAL_ADMIN_ONLY, targetProblem, type Outcome, type ScopeTarget } from '../types';
import { ScopeTargetFields } from './scope-target-fields';

const PLACED = ['rule', 'outcome', 'scope', 'subagentId', 'sessionId'];

/** A rule in Claude Code syntax, its outcome and where it applies. */
export const RuleForm = ({ canWriteGlobal }: { canWriteGlobal: boolean }) => {
  const [rule, setRule] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('ask');
  const [target, setTarget] = useState<ScopeTarget>({ scope: 'user' });
  const { errors, setErrors, clear, edit } = useFieldErrors();
  const [added, setAdded] = useState<string | null>(null);
  const addRule = useAddRule();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!rule.trim()) found.rule = 'Write the rule, e.g. Bash(npm run test:*) or Read(./secrets/**).';
    const missing = targetProblem(target);
    if (missing) found.target = missing;
    setErrors(found);
    setAdded(null);
    if (Object.keys(found).length) return;
    addRule.mutate(
      { rule, outcome, ...target },
      {
        onSuccess: () => {
          setAdded(`${outcome} ${rule.trim()} added to ${target.scope} rules.`);
          setRule('');
        },
        onError: (error) => {
          const byField = fieldErrorsOf(error);
          if (problemCode(error) === PERMISSION_GLOBAL_ADMIN_ONLY) byField.scope = 'Only admins write global rules.';
          setErrors({ ...byField, target: byField.subagentId ?? byField.sessionId ?? '' });
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a permission rule" data-testid="rule-form">
      <FormError error={addRule.error} title="Rule not added" placedFields={PLACED} testId="rule-form-error" />
      <TextField
        label="Rule"
        value={rule}
        onChange={edit(setRule, 'rule')}
        error={errors.rule}
        placeholder="Bash(git push:*)"
        hint={
          <>
            <code>Tool</code> or <code>Tool(specifier)</code>: <code>Bash(npm run test:*)</code>, <code>Read(./secrets/**)</code>,{' '}
            <code>WebFetch(domain:example.com)</code>, <code>mcp__github</code>.
          </>
        }
        spellCheck={false}
        autoComplete="off"
        data-testid="rule-text"
      />
      <div className="form__row">
        <SelectField
          label="Outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Outcome)}
          options={OUTCOMES.map((value) => ({ value, label: value }))}
          error={errors.outcome}
          data-testid="rule-outcome"
        />
        <ScopeTargetFields
          value={target}
          onChange={(next) => {
            setTarget(next);
            clear('target', 'scope');
          }}
          canWriteGlobal={canWriteGlobal}
          testIdPrefix="rule"
          error={errors.target || undefined}
          scopeError={errors.scope}
        />
      </div>
      <SubmitRow
        before={
          added && (
            <span role="status" className="muted" data-testid="rule-added">
              {added}
            </span>
          )
        }
        busy={addRule.isPending}
        busyLabel="Adding…"
        data-testid="rule-add"
      >
        Add rule
      </SubmitRow>
    </form>
  );
};
