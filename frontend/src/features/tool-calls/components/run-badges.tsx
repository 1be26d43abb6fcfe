import { Badge, type BadgeTone } from '@/components/badge';
import type { Outcome, RuleRef } from '../types';

const OUTCOME_TONES: Record<Outcome, BadgeTone> = { allow: 'success', ask: 'warning', deny: 'danger' };

export const OutcomeBadge = ({ outcome, testId }: { outcome: Outcome | string | null | undefined; testId?: string }) =>
  outcome ? (
    <Badge tone={OUTCOME_TONES[outcome as Outcome] ?? 'neutral'} data-testid={testId} title={`Permission outcome: ${outcome}`}>
      {outcome}
    </Badge>
  ) : (
    <span className="muted" data-testid={testId}>
      —
    </span>
  );

/** A deciding rule as text; a plain string is taken as the rule itself. */
export const ruleRefOf = (value: RuleRef | string | null | undefined): RuleRef | null => {
  if (!value) return null;
  if (typeof value === 'string') return { ruleId: null, rule: value, outcome: 'ask', scope: '', policy: null, priority: null };
  return value;
};

export const RuleRefText = ({ value }: { value: RuleRef | string | null | undefined }) => {
  const ref = ruleRefOf(value);
  if (!ref) return <span className="muted">no rule matched</span>;
  return (
    <span className="rule-ref">
      <code>{ref.rule}</code>
      {ref.scope && <span className="muted"> · {ref.scope}</span>}
      {ref.policy && <span className="muted"> · policy {ref.policy}</span>}
    </span>
  );
};
