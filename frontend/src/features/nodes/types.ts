/** One of this node's signing keys: `current` signs, `retiring` still verifies until `validUntil`, `revoked` never. */
export type NodeKey = {
  keyId: string;
  publicKey: string;
  status: 'current' | 'retiring' | 'revoked';
  createdAt: string;
  validUntil: string | null;
  revokedAt: string | null;
};

/** This node as peers see it (`GET /api/nodes/self`); `position` is its event store's newest global index. */
export type ThisNode = {
  id: string | null;
  name: string;
  type: 'local' | 'cloud' | 'hybrid';
  publicKey: string | null;
  keyId: string | null;
  version: string;
  uptime: number;
  position: number;
  keys: NodeKey[];
  /** Each event processor against the head; `position` and `lag` are null while a segment is processed elsewhere. */
  processors?: ProcessorLag[];
};

export type ProcessorLag = { name: string; position: number | null; head: number; lag: number | null; replaying: boolean; running: boolean };

/** An origin this node trusts; an api key is never shown, only that the source uses one. */
export type ForwardingSource = {
  id: string;
  nodeId: string;
  name: string;
  kind: 'PUBLIC_KEY' | 'API_KEY';
  publicKey: string | null;
  enabled: boolean;
  createdAt: string;
  lastSeenAt: string | null;
  highWaterMark: number | null;
  gaps: { fromSeq: number; toSeq: number }[];
  /** The highest sequence received from it: above the high-water mark, events wait for a gap to close. */
  maxSeen?: number | null;
  version: number;
};

/** A session another node forwarded here, folded from its events (read-only: the origin owns it). */
export type RemoteSession = {
  sourceNodeId: string;
  sessionId: string;
  title: string | null;
  status: string | null;
  eventCount: number;
  firstEventAt: string;
  lastEventAt: string;
  lastEventType: string;
};

/** One forwarded event as this node received it; `seq` is its position in the origin's store. */
export type ForwardedEvent = {
  sourceNodeId: string;
  eventId: string;
  seq: number | null;
  type: string;
  aggregateType: string | null;
  aggregateId: string | null;
  occurredAt: string;
  receivedAt: string;
  payload: Record<string, unknown>;
};

/** How much of each event's payload leaves for a peer; credentials and secret-shaped text never do. */
export type PeerRedaction = 'FULL' | 'METADATA' | 'NONE';

/**
 * A node this one forwards to, and how its outbox stands: `position` is the last global index handled (null before
 * the first), `lag` the events after it, `lastError` the peer's answer or the network failure.
 */
export type ForwardingPeer = {
  id: string;
  url: string;
  nodeId: string;
  publicKey: string;
  eventTypes: string[];
  redaction: PeerRedaction;
  paused: boolean;
  createdAt: string;
  position: number | null;
  lag: number;
  sentEvents: number;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  lastStatus: number | null;
  deadLetters: number;
  version: number;
};

/** A batch a peer refused with a 4xx that retrying would not change; it stays on this node until retried. */
export type PeerDeadLetter = {
  id: number;
  peerId: string;
  webhookId: string;
  fromSeq: number;
  toSeq: number;
  events: number;
  status: number;
  error: string;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string;
};

/**
 * Forwarded requests this node refused from one claimed origin on one endpoint since it started (counted in memory):
 * `push` for batches sent here, `pull` for a peer pulling this node's events. `(other)` gathers origins past the first
 * 1,000 named, `(unnamed)` requests that named none; `lastCode` is the problem code of the newest refusal.
 */
export type InboundRefusal = {
  origin: string;
  endpoint: 'push' | 'pull';
  refused: number;
  lastCode: string;
  lastRefusedAt: string;
};
