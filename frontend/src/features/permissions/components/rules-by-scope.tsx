import { useState } from 'react';
import { Link } from 'react-router';
import { ActionError } from '@/components/action-error';
import { Alert } from '@/components/alert';
import { DangerButton } from '@/components/danger-button';
import { Pagination } from '@/components/pagination';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { shortId } from '@/lib/format';
import { useDeleteRule } from '../api/delete-rule';
import { useRules } from '../api/list-rules';
import { RULE_SCOPES, type Rule, type RuleScope } from '../types';
import { OutcomeBadge } from './outcome-badge';

const SCOPE_TITLES: Record<RuleScope, string> = {
  global: 'Global rules',
  user: 'Your rules',
  subagent: 'Subagent rules',
  session: 'Session rules',
};

const SCOPE_NOTES: Record<RuleScope, string> = {
  global: 'Apply to every call on this node; only admins change them.',
  user: 'Apply to all your calls.',
  subagent: 'Apply to the calls of one subagent.',
  session: 'Apply to the calls in one session; the narrowest scope.',
};

const Target = ({ rule }: { rule: Rule }) =>
  rule.subagentId ? (
    <Link to={`/subagents/${rule.subagentId}`}>subagent {shortId(rule.subagentId)}</Link>
  ) : rule.sessionId ? (
    <Link to={`/sessions/${rule.sessionId}`}>session {shortId(rule.sessionId)}</Link>
  ) : (
    <span className="muted">—</span>
  );

const RuleRow = ({ rule, canDelete }: { rule: Rule; canDelete: boolean }) => {
  const remove = useDeleteRule();
  return (
    <tr data-testid={`rule-row-${rule.id}`}>
      <th scope="row">
        <code>{rule.rule}</code>
      </th>
      <td>
        <OutcomeBadge outcome={rule.outcome} />
      </td>
      <td>
        <Target rule={rule} />
      </td>
      <td>
        <RelativeTime value={rule.createdAt} />
      </td>
      <td className="table__actions">
        {canDelete && (
          <DangerButton
            busy={remove.isPending}
            busyLabel="Deleting…"
            confirm={`Delete the ${rule.scope} rule “${rule.rule}” (${rule.outcome})?`}
            onConfirm={() => remove.mutate({ id: rule.id })}
            data-testid="rule-delete"
          >
            Delete
          </DangerButton>
        )}
        <ActionError error={remove.error} />
      </td>
    </tr>
  );
};

const ScopeRules = ({ scope, canWriteGlobal }: { scope: RuleScope; canWriteGlobal: boolean }) => {
  const [page, setPage] = useState(0);
  const rules = useRules(scope, page);
  const data = rules.data;
  return (
    <Panel title={`${SCOPE_TITLES[scope]}${data ? ` · ${data.totalItems}` : ''}`} labelledBy={`rules-${scope}-title`}>
      <p className="muted">{SCOPE_NOTES[scope]}</p>
      {rules.isPending ? (
        <Spinner label="Loading rules…" />
      ) : rules.isError && !data ? (
        <Alert title="Could not load rules">{errorMessage(rules.error)}</Alert>
      ) : (
        data && (
          <>
            <div className="table-wrap">
              <table className="table" data-testid={`rules-${scope}`} aria-busy={rules.isFetching}>
                <caption className="visually-hidden">{SCOPE_TITLES[scope]}</caption>
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">For</th>
                    <th scope="col">Added</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.length === 0 ? (
                    <tr>
                      <td colSpan={5} className="table__empty">
                        No {scope} rules.
                      </td>
                    </tr>
                  ) : (
                    data.items.map((rule) => <RuleRow key={rule.id} rule={rule} canDelete={scope !== 'global' || canWriteGlobal} />)
                  )}
                </tbody>
              </table>
            </div>
            {data.totalPages > 1 && (
              <Pagination page={data.page} totalPages={data.totalPages} totalItems={data.totalItems} itemLabel="rules" onPageChange={setPage} />
            )}
          </>
        )
      )}
    </Panel>
  );
};

/** Every rule you may see, one panel per scope, widest first. */
export const RulesByScope = ({ canWriteGlobal }: { canWriteGlobal: boolean }) => (
  <div className="rules-by-scope" data-testid="rules-by-scope">
    {RULE_SCOPES.map((scope) => (
      <ScopeRules key={scope} scope={scope} canWriteGlobal={canWriteGlobal} />
    ))}
  </div>
);
