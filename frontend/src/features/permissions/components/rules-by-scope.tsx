import { useState } from 'react';
import { Link } from 'react-router';
import { ActionError } from '@/components/action-error';
import { DangerButton } from '@/components/danger-button';
import { DataTable } from '@/components/data-table';
import { Paged, type PagedLabels } from '@/components/paged';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { shortId } from '@/lib/format';
import { useDeleteRule } from '../api/delete-rule';
import { useRules } from '../api/list-rules';
import { RULE_SCOPES, type Rule, type RuleScope } from '../types';
import { OutcomeBadge } from './outcome-badge';

const LIST_LABELS: PagedLabels = { loading: 'Loading rules…', failed: 'Could not load rules', counted: ['rules', 'rules'] };

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
      <Paged query={rules} {...LIST_LABELS} onPageChange={setPage}>
        {(loaded) => (
          <DataTable
            testId={`rules-${scope}`}
            caption={SCOPE_TITLES[scope]}
            columns={['Rule', 'Outcome', 'For', 'Added', { label: 'Actions', hidden: true }]}
            rows={loaded.items}
            empty={`No ${scope} rules.`}
            busy={rules.isFetching}
          >
            {(rule) => <RuleRow key={rule.id} rule={rule} canDelete={scope !== 'global' || canWriteGlobal} />}
          </DataTable>
        )}
      </Paged>
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
