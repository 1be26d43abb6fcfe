export const OUTCOMES = ['allow', 'ask', 'deny'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** In the order the page shows them: widest first. */
export const RULE_SCOPES = ['global', 'user', 'subagent', 'session'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

export type Rule = {
  id: string;
  rule: string;
  tool: string;
  specifier: string | null;
  outcome: Outcome;
  scope: RuleScope;
  subagentId: string | null;
  sessionId: string | null;
  ownerId: string | null;
  createdAt: string;
};

export type Policy = {
  slug: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  rules: { rule: string; outcome: Outcome }[];
};

export type RuleRef = {
  ruleId: string | null;
  rule: string;
  outcome: Outcome;
  scope: string;
  policy: string | null;
  priority: number | null;
};

export type Simulation = { outcome: Outcome; reason: string | null; decidedBy: RuleRef | null; shadowed: RuleRef[] };

/** Where a rule (or an import, or an export) applies. */
export type ScopeTarget = { scope: RuleScope; subagentId?: string; sessionId?: string };

/** `{added, skipped}`: counts, or the lists themselves; both are read. */
export type ImportCounts = { added: number | unknown[]; skipped: number | unknown[] };

/** Claude Code's settings.json permissions block. */
export type PermissionSettings = { permissions?: { allow?: string[]; ask?: string[]; deny?: string[] } };

export type SessionChoice = { id: string; title: string | null; status: string };
export type SubagentChoice = { id: string; name: string; mine?: boolean };

export const PERMISSION_GLOBAL_ADMIN_ONLY = 'PERMISSION_GLOBAL_ADMIN_ONLY';
export const isPermissionEvent = (type: string): boolean => type.startsWith('permission.');

/** Check before sending: a subagent rule needs its subagent, a session rule its session. */
export const targetProblem = (target: ScopeTarget): string | undefined =>
  target.scope === 'subagent' && !target.subagentId
    ? 'Pick the subagent the rule is for.'
    : target.scope === 'session' && !target.sessionId
      ? 'Pick the session the rule is for.'
      : undefined;

/** Only the id the scope needs travels. */
export const targetParams = (target: ScopeTarget): ScopeTarget => ({
  scope: target.scope,
  ...(target.scope === 'subagent' && target.subagentId ? { subagentId: target.subagentId } : {}),
  ...(target.scope === 'session' && target.sessionId ? { sessionId: target.sessionId } : {}),
});
