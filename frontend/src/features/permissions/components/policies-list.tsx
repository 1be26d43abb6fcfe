import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Pagination } from '@/components/pagination';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { usePolicies } from '../api/list-policies';
import { OutcomeBadge } from './outcome-badge';

/** Named sets of rules a subagent can be given (Subagents › Policies), with what each allows, asks or denies. */
export const PoliciesList = () => {
  const [page, setPage] = useState(0);
  const policies = usePolicies(page);
  if (policies.isPending) return <Spinner label="Loading policies…" />;
  if (policies.isError && !policies.data) return <Alert title="Could not load policies">{errorMessage(policies.error)}</Alert>;
  const data = policies.data;
  return (
    <>
      <ul className="policy-cards" data-testid="policies">
        {data.items.length === 0 && <li className="muted">No policies.</li>}
        {data.items.map((policy) => (
          <li key={policy.slug} className="policy-card" data-testid={`policy-${policy.slug}`}>
            <div className="policy-card__head">
              <strong>{policy.name}</strong> <code className="muted">{policy.slug}</code>
              {policy.builtIn && (
                <Badge tone="accent" data-testid="policy-built-in">
                  built-in
                </Badge>
              )}
            </div>
            {policy.description && <p className="muted">{policy.description}</p>}
            <ul className="policy-card__rules">
              {policy.rules.length === 0 && <li className="muted">No rules.</li>}
              {policy.rules.map((rule, index) => (
                <li key={`${rule.rule}-${index}`}>
                  <OutcomeBadge outcome={rule.outcome} /> <code>{rule.rule}</code>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {data.totalPages > 1 && (
        <Pagination page={data.page} totalPages={data.totalPages} totalItems={data.totalItems} itemLabel="policies" onPageChange={setPage} />
      )}
    </>
  );
};
