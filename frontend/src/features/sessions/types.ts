export const SESSION_MODES = ['plan', 'auto_accept'] as const;
export const SESSION_STATUSES = ['planning', 'executing', 'paused', 'completed', 'failed'] as const;
export const SESSION_SOURCES = ['local', 'web', 'ios', 'terminal_handoff'] as const;
export const INTERACTION_TYPES = ['user_input', 'ai_response', 'tool_use', 'error'] as const;

export type SessionMode = (typeof SESSION_MODES)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type SessionSource = (typeof SESSION_SOURCES)[number];
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export type Metadata = Record<string, unknown>;

export type SessionSummary = {
  id: string;
  title: string | null;
  description: string | null;
  /** Null on a forwarded row whose origin's status has no counterpart here. */
  status: SessionStatus | null;
  /** Null on a forwarded row: the origin does not forward it. */
  mode: SessionMode | null;
  source: SessionSource | null;
  projectName: string | null;
  branch: string | null;
  environment: string | null;
  parentSessionId: string | null;
  ownerId: string | null;
  interactionCount: number;
  createdAt: string;
  lastActivityAt: string | null;
  completedAt: string | null;
  version: number;
  /** Readable by every signed-in user; only the owner changes it. */
  shared?: boolean;
  /** `local` for this node's sessions, else the id of the node that forwarded it (read-only here). */
  sourceNodeId?: string;
  sourceNodeName?: string | null;
};

export type Interaction = {
  id: string;
  sequence: number;
  type: InteractionType;
  content: string;
  metadata: Metadata | null;
  by: string | null;
  /** The recorder's address, looked up when read. */
  byName?: string | null;
  at: string;
};

/** One local session, read whole: never a forwarded row, so its status, mode and source are always known. */
export type SessionDetail = Omit<SessionSummary, 'status' | 'mode' | 'source'> & {
  status: SessionStatus;
  mode: SessionMode;
  source: SessionSource;
  /** The owner's address, looked up when read. */
  ownerName?: string | null;
  prompt: string | null;
  metadata: Metadata | null;
  forkCount: number;
  interactions: Interaction[];
};

export type { Page } from '@/lib/page';

/** What every write answers: the aggregate and its version after the write. */
export type WriteResult = { id: string; version: number; interactionId?: string };

/** Every session event type the stream sends (`GET /api/events/types`). */
export const SESSION_EVENT_TYPES = [
  'session.started',
  'session.forked',
  'session.renamed',
  'session.description-changed',
  'session.workspace-changed',
  'session.metadata-changed',
  'session.mode-changed',
  'session.execution-started',
  'session.paused',
  'session.resumed',
  'session.completed',
  'session.failed',
  'session.interaction-recorded',
  'session.archived',
] as const;

/** The status machine: planning → executing ⇄ paused, executing → completed | failed. */
export const ALLOWED_TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  planning: [],
  executing: ['paused', 'completed', 'failed'],
  paused: ['executing'],
  completed: [],
  failed: [],
};

export const acceptsPrompt = (status: SessionStatus): boolean => status === 'planning' || status === 'executing';

/** Whether the session takes a prompt now, and the sentence the prompt box says about it. */
export const promptAvailability = (status: SessionStatus): { open: boolean; openNote?: string; closedNote?: string } =>
  acceptsPrompt(status)
    ? { open: true, openNote: status === 'planning' ? 'Sending a prompt starts execution.' : undefined }
    : { open: false, closedNote: `A ${status} session does not take prompts${status === 'paused' ? ' until it is resumed' : ''}.` };

export const isClosed = (status: SessionStatus): boolean => status === 'completed' || status === 'failed';
