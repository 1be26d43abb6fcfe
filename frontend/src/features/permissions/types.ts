import type { Outcome, RuleRef } from '@/lib/rule-ref';

export { OUTCOMES, type Outcome, type RuleRef } from '@/lib/rule-ref';

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

export type PolicyRule = { rule: string; outcome: Outcome };

/** A built-in policy (`builtIn`, no id or version) or one of your own. `name` repeats `title`. */
export type Policy = {
  id?: string | null;
  slug: string;
  name: string;
  title?: string;
  description: string | null;
  builtIn: boolean;
  rules: PolicyRule[];
  updatedAt?: string | null;
  version?: number | null;
};

export type PolicyInput = { slug: string; title: string; description: string; rules: PolicyRule[] };

/** What a write answers: the version the next `If-Match` names. */
export type PolicyWritten = { id: string; slug: string; version: number };

/** Lowercase words joined by single hyphens, at most 64 characters (the node checks the same). */
export const POLICY_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const POLICY_SLUG_MAX = 64;
export const POLICY_TITLE_MAX = 100;
export const POLICY_DESCRIPTION_MAX = 1000;
export const PERMISSION_POLICY_SLUG_TAKEN = 'PERMISSION_POLICY_SLUG_TAKEN';
export const PERMISSION_POLICY_IN_USE = 'PERMISSION_POLICY_IN_USE';

/** The node names a refused rule by its position, e.g. `rules[2]: Rule "Bash(" is not valid: …`. */
export const ruleProblemOf = (detail: string | undefined): { index: number; message: string } | undefined => {
  const match = detail ? /^rules\[(\d+)\]: (.+)$/s.exec(detail) : null;
  return match ? { index: Number(match[1]), message: match[2] } : undefined;
};

export type Simulation = { outcome: Outcome; reason: string | null; decidedBy: RuleRef | null; shadowed: RuleRef[] };

/** Where a rule (or an import, or an export) applies. */
export type ScopeTarget = { scope: RuleScope; subagentId?: string; sessionId?: string };

/** `{added, skipped}`: counts, or the lists themselves; both are read. */
export type ImportCounts = { added: number | unknown[]; skipped: number | unknown[] };

/** Claude Code's settings.json permissions block. */
export type PermissionSettings = { permissions?: { allow?: string[]; ask?: string[]; deny?: string[] } };


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
