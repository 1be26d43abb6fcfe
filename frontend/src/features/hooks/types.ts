export const HOOK_EVENTS = ['PreToolUse', 'PostToolUse'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];
export const HOOK_TYPES = ['webhook', 'command'] as const;
export type HookType = (typeof HOOK_TYPES)[number];
/** What a PreToolUse hook that cannot answer does to the call; `block` unless its owner chose otherwise. */
export const HOOK_FAILURE_POLICIES = ['block', 'allow'] as const;
export type HookFailurePolicy = (typeof HOOK_FAILURE_POLICIES)[number];

export type HookInput = {
  name: string;
  event: HookEvent;
  matcher: string;
  type: HookType;
  url?: string | null;
  command?: string | null;
  sessionId?: string | null;
  subagentId?: string | null;
  timeoutSeconds?: number | null;
  active?: boolean;
  onFailure?: HookFailurePolicy;
};

export type Hook = {
  id: string;
  name: string;
  event: HookEvent;
  matcher: string;
  type: HookType;
  url: string | null;
  command: string | null;
  sessionId: string | null;
  subagentId: string | null;
  timeoutSeconds: number | null;
  active: boolean;
  onFailure: HookFailurePolicy;
  deliveries: number;
  failures: number;
  lastDeliveryAt: string | null;
  createdAt: string;
  version: number;
};

/** What a create or a rotation answers; `secret` only for webhooks, shown once. */
export type HookWriteResult = { id: string; version: number; secret?: string | null };

export type DeliveryStatus = 'pending' | 'delivered' | 'retrying' | 'dead_lettered';

export type DeliveryAttempt = {
  number: number;
  at: string;
  outcome: 'delivered' | 'failed' | 'refused';
  responseCode: number | null;
  durationMs: number | null;
  error: string | null;
};

export type Delivery = {
  id: string;
  hookId: string;
  webhookId: string | null;
  toolCallId: string | null;
  event: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
};

/** Deliveries that did not get through (yet): they may be sent again. */
export const canRedeliver = (delivery: Pick<Delivery, 'status' | 'attempts'>): boolean =>
  delivery.status === 'dead_lettered' ||
  delivery.status === 'retrying' ||
  (delivery.status !== 'delivered' && delivery.status !== 'pending' && delivery.attempts.some((a) => a.outcome !== 'delivered'));

export type ImportCounts = { imported: number | unknown[]; skipped: number | unknown[] };


export const HOOK_MATCHER_INVALID = 'HOOK_MATCHER_INVALID';
export const HOOK_TARGET_REFUSED = 'HOOK_TARGET_REFUSED';
export const HOOK_NAME_TAKEN = 'HOOK_NAME_TAKEN';

/** How the list and the page name a PreToolUse hook's failure policy. */
export const failurePolicyLabel = (policy: HookFailurePolicy): string => (policy === 'allow' ? 'fails open' : 'fails closed');
export const isHookEvent = (type: string): boolean => type.startsWith('hook.');

/** Hook events the stream sends (`docs/control-plane-api.md`); the server's list adds any others. */
export const HOOK_EVENT_TYPES = ['hook.delivery-attempted'] as const;
