export const SIGNUP_POLICIES = ['open', 'invite', 'closed'] as const;
export type SignupPolicy = (typeof SIGNUP_POLICIES)[number];

export type AdminUser = {
  id: string;
  email: string;
  displayName: string | null;
  roles: string[];
  emailVerified: boolean;
  createdAt: string;
};

export type Invitation = { email: string; invitedBy: string | null; invitedAt: string };

/** One streaming event processor: a read model, or a process reacting to events. `position` of `head` events read. */
export type ProjectionStatus = {
  name: string;
  segments: number;
  position: number;
  head: number;
  replaying: boolean;
  running: boolean;
  /** Events the processor could not apply, parked; later events of the same sequence wait behind them. */
  deadLetters: number;
  /** Never while replaying or while dead letters wait. */
  caughtUp: boolean;
  /** A read model that can be cleared and replayed; a process (which acts on events) never is. */
  rebuildable: boolean;
};

/** One event a read model could not apply, and why. */
export type DeadLetter = {
  eventId: string;
  /** The aggregate the event belongs to (for `sessions`, the session id); null for an event without one. */
  sequence: string | null;
  eventType: string;
  aggregateSequence: number | null;
  eventTimestamp: string;
  enqueuedAt: string;
  lastTouched: string;
  causeType: string | null;
  causeMessage: string | null;
};

export type RetryOutcome = { sequencesTried: number; deadLettersLeft: number; status: ProjectionStatus };
