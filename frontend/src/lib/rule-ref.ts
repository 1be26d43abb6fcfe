/** What a permission rule answers for a tool call. */
export const OUTCOMES = ['allow', 'ask', 'deny'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The rule that decided (or was shadowed), as simulations and tool calls report it; `policy` names the policy a rule came from. */
export type RuleRef = {
  ruleId: string | null;
  rule: string;
  outcome: Outcome;
  scope: string;
  policy: string | null;
  priority: number | null;
};
