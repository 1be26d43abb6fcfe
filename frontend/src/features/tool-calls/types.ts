import type { Outcome, RuleRef } from '@/lib/rule-ref';

export const TOOL_CALL_STATUSES = [
  'requested',
  'awaiting_approval',
  'approved',
  'running',
  'completed',
  'failed',
  'timed_out',
  'cancelled',
  'denied',
  'blocked',
  'expired',
] as const;
export type ToolCallStatus = (typeof TOOL_CALL_STATUSES)[number];

/** Statuses in which a call may still change: its output, status and trail are followed live. */
export const ACTIVE_STATUSES: readonly ToolCallStatus[] = ['requested', 'awaiting_approval', 'approved', 'running'];
export const isActive = (status: string | null | undefined): boolean =>
  ACTIVE_STATUSES.includes(status as ToolCallStatus);
/** An approved call of a tool the node does not run: it waits for its runtime to report the result. */
export const awaitsRuntime = (call: { status: string | null | undefined; tool?: string | null }): boolean =>
  call.status === 'approved' && call.tool !== 'Bash';

/**
 * A call whose status, output and trail may still change on their own. Only `Bash` calls run on the
 * node; a call of any other tool ends at `approved` (its runtime executes it), so it is not followed.
 */
export const isFollowed = (call: { status: string | null | undefined; tool?: string | null } | undefined): boolean =>
  call !== undefined && isActive(call.status) && !awaitsRuntime(call);

/** A call that may be cancelled: it waits or runs. */
export const isCancellable = (status: string | null | undefined): boolean => isActive(status);

export type { Outcome, RuleRef } from '@/lib/rule-ref';
export type Origin = 'runtime' | 'slash_command' | 'hook';

export type ToolCallSummary = {
  id: string;
  tool: string;
  summary: string | null;
  origin: Origin;
  commandId: string | null;
  commandName: string | null;
  sessionId: string | null;
  subagentId: string | null;
  status: ToolCallStatus;
  outcome: Outcome | null;
  /** A rule reference; read leniently (a plain rule string is accepted too). */
  decidedBy: RuleRef | string | null;
  exitCode: number | null;
  durationMs: number | null;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  truncated: boolean;
};

export type ApprovalRecord = {
  decidedBy: string | null;
  /** The decider's address, when the node knows the account. */
  decidedByEmail?: string | null;
  decision: 'approve' | 'deny' | 'approved' | 'denied' | 'expired' | null;
  comment: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
};

export type HookVerdict = { hookId: string; name: string; event: string; verdict: string; reason: string | null };

export type ToolCallDetail = ToolCallSummary & {
  input: Record<string, unknown> | null;
  inputHash: string | null;
  reason: string | null;
  approval: ApprovalRecord | null;
  hooks: HookVerdict[];
};

export type OutputChunk = { sequence: number; stream: 'stdout' | 'stderr'; text: string };
export type OutputPage = { items: OutputChunk[]; truncated: boolean; finished: boolean };

/**
 * One event of a call's trail. The contract names the list, not the entry, so it is read leniently:
 * the type with or without its `toolcall.` prefix, the time as `at` or `timestamp`.
 */
export type TrailEntry = {
  sequence?: number;
  position?: number;
  type?: string;
  event?: string;
  at?: string;
  timestamp?: string;
  occurredAt?: string;
  summary?: string;
  description?: string;
  message?: string;
  payload?: Record<string, unknown> | null;
  /** The address of the account in the payload's `by`, resolved by the node. */
  byEmail?: string | null;
  [key: string]: unknown;
};

/** The tool-call events the stream sends (`docs/control-plane-api.md`); the server's list adds any others. */
export const TOOL_CALL_EVENT_TYPES = [
  'toolcall.requested',
  'toolcall.permission-evaluated',
  'toolcall.hook-evaluated',
  'toolcall.approval-requested',
  'toolcall.approved',
  'toolcall.denied',
  'toolcall.approval-expired',
  'toolcall.blocked',
  'toolcall.run-started',
  'toolcall.output-recorded',
  'toolcall.completed',
  'toolcall.failed',
  'toolcall.timed-out',
  'toolcall.cancelled',
] as const;

export const OUTPUT_RECORDED = 'toolcall.output-recorded';
export const isToolCallEvent = (type: string): boolean => type.startsWith('toolcall.');

/** A webhook delivery a call caused, as the run page lists it (`GET /api/tool-calls/{id}/deliveries`). */
export type RunDelivery = {
  id: string;
  hookId: string;
  hookName: string | null;
  event: string;
  status: 'pending' | 'retrying' | 'delivered' | 'dead_lettered' | string;
  attempts: unknown[];
  createdAt: string;
};

/** Delivery events carry the delivery's id, not the call's: any of them may concern the run on screen. */
export const isDeliveryEvent = (type: string): boolean => type.startsWith('hook.delivery') || type === 'hook.redelivery-requested';

/** Approvals: the inbox of calls that wait for a human decision. */
export const APPROVAL_VIEWS = ['pending', 'decided'] as const;
export type ApprovalView = (typeof APPROVAL_VIEWS)[number];
/** Where an approval stands; `pending` waits for a human. */
export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired';
export type Decision = 'approve' | 'deny';

export type Approval = {
  toolCallId: string;
  tool: string;
  summary: string | null;
  input: Record<string, unknown> | null;
  inputHash: string;
  sessionId: string | null;
  subagentId: string | null;
  commandName: string | null;
  decidedBy: RuleRef | string | null;
  requestedAt: string;
  expiresAt: string | null;
  status: ApprovalStatus;
  decidedByUser: string | null;
  decidedByEmail?: string | null;
  comment: string | null;
};

export const APPROVAL_INPUT_CHANGED = 'APPROVAL_INPUT_CHANGED';
export const APPROVAL_ALREADY_DECIDED = 'APPROVAL_ALREADY_DECIDED';

/** Tool-call events that can change what waits for a decision (output alone never does). */
export const changesApprovals = (type: string): boolean => type.startsWith('toolcall.') && type !== 'toolcall.output-recorded';
