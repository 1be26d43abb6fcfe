import { useState } from 'react';
import { Badge } from '@/components/badge';
import { FormError } from '@/components/form-error';
import { useAssignPolicies } from '../api/assign-policies';
import { usePolicyChoices } from '../api/list-policy-choices';
import type { PolicyAssignment, Subagent } from '../types';

const sameAssignments = (a: PolicyAssignment[], b: PolicyAssignment[]) =>
  a.length === b.length && a.every((item, i) => item.policy === b[i].policy && item.priority === b[i].priority);

const POLICY_GROUPS = [
  { label: 'Built-in', builtIn: true },
  { label: 'Your policies', builtIn: false },
] as const;

const sorted = (assignments: PolicyAssignment[]) => [...assignments].sort((a, b) => a.priority - b.priority);

/** Which permission policies apply to the subagent's calls, and in what order (lower priority number first). */
export const PolicyAssignments = ({ subagent, editable }: { subagent: Subagent; editable: boolean }) => {
  const [draft, setDraft] = useState<PolicyAssignment[]>(() => sorted(subagent.policies));
  const [baseVersion, setBaseVersion] = useState(subagent.version);
  const [adding, setAdding] = useState('');
  const [saved, setSaved] = useState(false);
  const policies = usePolicyChoices();
  const assign = useAssignPolicies();

  if (subagent.version !== baseVersion) {
    setBaseVersion(subagent.version);
    setDraft(sorted(subagent.policies));
  }

  const available = (policies.data ?? []).filter((policy) => !draft.some((a) => a.policy === policy.slug));
  const changed = !sameAssignments(draft, sorted(subagent.policies));
  const nameOf = (slug: string) => policies.data?.find((p) => p.slug === slug);

  const setPriority = (slug: string, priority: number) => {
    setDraft((current) => current.map((a) => (a.policy === slug ? { ...a, priority } : a)));
    setSaved(false);
  };
  const add = () => {
    if (!adding) return;
    const next = draft.length ? Math.max(...draft.map((a) => a.priority)) + 10 : 10;
    setDraft((current) => [...current, { policy: adding, priority: next }]);
    setAdding('');
    setSaved(false);
  };
  const remove = (slug: string) => {
    setDraft((current) => current.filter((a) => a.policy !== slug));
    setSaved(false);
  };
  const save = () =>
    assign.mutate({ id: subagent.id, assignments: sorted(draft) }, { onSuccess: () => setSaved(true) });

  return (
    <div className="policy-assignments" data-testid="subagent-policies">
      <ul className="item-list">
        {draft.length === 0 && <li className="item-list__empty muted">No policies: only rules apply.</li>}
        {draft.map((assignment) => {
          const policy = nameOf(assignment.policy);
          return (
            <li key={assignment.policy} className="item-list__item" data-testid={`subagent-policy-${assignment.policy}`}>
              <span className="item-list__main">
                <span className="item-list__title">
                  {policy?.title ?? policy?.name ?? assignment.policy} <code className="muted">{assignment.policy}</code>{' '}
                  {policy?.builtIn && <Badge tone="accent">built-in</Badge>}
                  {policy && !policy.builtIn && <Badge tone="muted">yours</Badge>}
                </span>
                {policy?.description && <span className="item-list__meta muted">{policy.description}</span>}
              </span>
              {editable ? (
                <span className="button-group">
                  <label className="inline-field">
                    <span className="field__label">Priority</span>
                    <input
                      type="number"
                      className="input input--narrow"
                      value={assignment.priority}
                      onChange={(e) => setPriority(assignment.policy, Number(e.target.value))}
                      data-testid={`subagent-policy-priority-${assignment.policy}`}
                    />
                  </label>
                  <button type="button" className="button button--danger-ghost" onClick={() => remove(assignment.policy)} aria-label={`Remove ${assignment.policy}`}>
                    Remove
                  </button>
                </span>
              ) : (
                <Badge tone="muted">priority {assignment.priority}</Badge>
              )}
            </li>
          );
        })}
      </ul>
      {editable && (
        <>
          <div className="button-group">
            <label className="visually-hidden" htmlFor={`policy-add-${subagent.id}`}>
              Policy to add
            </label>
            <select
              id={`policy-add-${subagent.id}`}
              className="input input--select input--inline"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              data-testid="subagent-policy-add-select"
            >
              <option value="">{policies.isPending ? 'Loading policies…' : 'Add a policy…'}</option>
              {POLICY_GROUPS.map(({ label, builtIn }) => {
                const choices = available.filter((policy) => policy.builtIn === builtIn);
                return (
                  choices.length > 0 && (
                    <optgroup key={label} label={label}>
                      {choices.map((policy) => (
                        <option key={policy.slug} value={policy.slug}>
                          {policy.title ?? policy.name} ({policy.slug})
                        </option>
                      ))}
                    </optgroup>
                  )
                );
              })}
            </select>
            <button type="button" className="button" onClick={add} disabled={!adding} data-testid="subagent-policy-add">
              Add
            </button>
          </div>
          <FormError error={assign.error} title="Policies not saved" placedFields={[]} />
          <div className="form__actions">
            {saved && !changed && (
              <span role="status" className="muted" data-testid="subagent-policies-saved">
                Saved.
              </span>
            )}
            <button type="button" className="button button--primary" onClick={save} disabled={!changed || assign.isPending} data-testid="subagent-policies-save">
              {assign.isPending ? 'Saving…' : 'Save policies'}
            </button>
          </div>
        </>
      )}
    </div>
  );
};
