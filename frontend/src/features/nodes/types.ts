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
