import { SelectField } from '@/components/field';
import { shortId } from '@/lib/format';
import { useSessionChoices, useSubagentChoices } from '@/lib/choices';
import { RULE_SCOPES, type RuleScope, type ScopeTarget } from '../types';

const SCOPE_TEXT: Record<RuleScope, string> = {
  global: 'global — every call on this node (admins)',
  user: 'user — all your calls',
  subagent: 'subagent — calls of one subagent',
  session: 'session — calls in one session',
};

export type ScopeTargetFieldsProps = {
  value: ScopeTarget;
  onChange: (value: ScopeTarget) => void;
  canWriteGlobal: boolean;
  /** `rule` gives `rule-scope`, `rule-subagent`, `rule-session`. */
  testIdPrefix: string;
  error?: string;
  scopeError?: string;
};

/** The scope of a rule, and the subagent or session it needs. */
export const ScopeTargetFields = ({ value, onChange, canWriteGlobal, testIdPrefix, error, scopeError }: ScopeTargetFieldsProps) => {
  const subagents = useSubagentChoices();
  const sessions = useSessionChoices();
  const scopes = RULE_SCOPES.filter((scope) => scope !== 'global' || canWriteGlobal || value.scope === 'global');
  return (
    <>
      <SelectField
        label="Scope"
        value={value.scope}
        onChange={(e) => onChange({ scope: e.target.value as RuleScope })}
        options={scopes.map((scope) => ({ value: scope, label: SCOPE_TEXT[scope] }))}
        error={scopeError}
        data-testid={`${testIdPrefix}-scope`}
      />
      {value.scope === 'subagent' && (
        <SelectField
          label="Subagent"
          value={value.subagentId ?? ''}
          onChange={(e) => onChange({ ...value, subagentId: e.target.value || undefined })}
          options={(subagents.data ?? []).filter((s) => s.mine !== false).map((s) => ({ value: s.id, label: s.name }))}
          placeholder={subagents.isPending ? 'Loading subagents…' : 'Pick one of your subagents'}
          error={error}
          data-testid={`${testIdPrefix}-subagent`}
        />
      )}
      {value.scope === 'session' && (
        <SelectField
          label="Session"
          value={value.sessionId ?? ''}
          onChange={(e) => onChange({ ...value, sessionId: e.target.value || undefined })}
          options={(sessions.data ?? []).map((s) => ({
            value: s.id,
            label: `${s.title?.trim() || 'Untitled session'} · ${s.status} (${shortId(s.id)})`,
          }))}
          placeholder={sessions.isPending ? 'Loading sessions…' : 'Pick a session'}
          error={error}
          data-testid={`${testIdPrefix}-session`}
        />
      )}
    </>
  );
};
