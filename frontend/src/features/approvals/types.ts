export const APPROVAL_VIEWS = ['pending', 'decided'] as const;
export type ApprovalView = (typeof APPROVAL_VIEWS)[number];
export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired';
export type Decision = 'approve' | 'deny';

/** The rule that made the call ask. */
export type RuleRef = {
  ruleId: string | null;
  rule: string;
  outcome: string;
  scope: string;
  policy: string | null;
  priority: number | null;
};

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
