import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Pagination } from '@/components/pagination';
import { Spinner } from '@/components/spinner';
import { errorMessage, problemCode } from '@/lib/api-client';
import { useDeletePolicy } from '../api/delete-policy';
import { usePolicies } from '../api/list-policies';
import { PERMISSION_POLICY_IN_USE, type Policy } from '../types';
import { OutcomeBadge } from './outcome-badge';
import { PolicyForm } from './policy-form';

const PolicyRules = ({ policy }: { policy: Policy }) => (
  <ul className="policy-card__rules">
    {policy.rules.length === 0 && <li className="muted">No rules.</li>}
    {policy.rules.map((rule, index) => (
      <li key={`${rule.rule}-${index}`}>
        <OutcomeBadge outcome={rule.outcome} /> <code>{rule.rule}</code>
      </li>
    ))}
  </ul>
);

/**
 * Named sets of rules a subagent can be given (Subagents › Policies), with what each allows, asks or denies: the
 * built-in ones, read-only, then your own, which you create, edit and delete here.
 */
export const PoliciesList = () => {
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const policies = usePolicies(page);
  const remove = useDeletePolicy();

  const deleteNow = (policy: Policy) => {
    if (!window.confirm(`Delete the policy “${policy.slug}”? Subagents must not have it any more.`)) return;
    setDeleting(policy.slug);
    remove.mutate({ slug: policy.slug });
  };

  if (policies.isPending) return <Spinner label="Loading policies…" />;
  if (policies.isError && !policies.data) return <Alert title="Could not load policies">{errorMessage(policies.error)}</Alert>;
  const data = policies.data;
  return (
    <>
      <div className="policy-toolbar">
        {creating ? (
          <PolicyForm mode="create" onSaved={() => setCreating(false)} onCancel={() => setCreating(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setCreating(true)} data-testid="policy-new">
            New policy
          </button>
        )}
      </div>
      <ul className="policy-cards" data-testid="policies">
        {data.items.length === 0 && <li className="muted">No policies.</li>}
        {data.items.map((policy) => (
          <li key={`${policy.builtIn ? 'built-in' : 'own'}-${policy.slug}`} className="policy-card" data-testid={`policy-${policy.slug}`}>
            {editing === policy.slug && !policy.builtIn ? (
              <PolicyForm mode="edit" policy={policy} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <div className="policy-card__head">
                  <strong>{policy.title ?? policy.name}</strong> <code className="muted">{policy.slug}</code>
                  {policy.builtIn ? (
                    <Badge tone="accent" data-testid="policy-built-in">
                      built-in
                    </Badge>
                  ) : (
                    <span className="button-group policy-card__actions">
                      <button type="button" className="button" onClick={() => setEditing(policy.slug)} data-testid="policy-edit">
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button--danger-ghost"
                        onClick={() => deleteNow(policy)}
                        disabled={remove.isPending && deleting === policy.slug}
                        data-testid="policy-delete"
                      >
                        Delete
                      </button>
                    </span>
                  )}
                </div>
                {policy.description && <p className="muted">{policy.description}</p>}
                {remove.isError && deleting === policy.slug && (
                  <Alert
                    title={problemCode(remove.error) === PERMISSION_POLICY_IN_USE ? 'Still assigned' : 'Policy not deleted'}
                    testId="policy-delete-error"
                  >
                    {errorMessage(remove.error)}
                  </Alert>
                )}
                <PolicyRules policy={policy} />
              </>
            )}
          </li>
        ))}
      </ul>
      {data.totalPages > 1 && (
        <Pagination page={data.page} totalPages={data.totalPages} totalItems={data.totalItems} itemLabel="policies" onPageChange={setPage} />
      )}
    </>
  );
};
