import { Alert } from '@/components/alert';
import { errorMessage } from '@/lib/api-client';
import { usePeers } from '../api/list-peers';
import { useSources } from '../api/list-sources';
import { useThisNode } from '../api/get-this-node';
import type { ForwardingPeer, ForwardingSource } from '../types';

const WIDTH = 640;
const ROW = 44;
const BOX_W = 168;
const BOX_H = 30;
const LEFT_X = 8;
const RIGHT_X = WIDTH - BOX_W - 8;
const CENTER_X = (WIDTH - BOX_W) / 2;

/** How a link is doing, from what the peers and sources APIs report; the colour and the label both say it. */
type LinkState = 'ok' | 'lagging' | 'failing' | 'paused' | 'gap' | 'disabled';

const peerState = (peer: ForwardingPeer): LinkState => {
  if (peer.paused) return 'paused';
  if (peer.lastErrorAt && (!peer.lastSuccessAt || peer.lastErrorAt > peer.lastSuccessAt)) return 'failing';
  return peer.lag > 0 ? 'lagging' : 'ok';
};

const sourceState = (source: ForwardingSource): LinkState => {
  if (!source.enabled) return 'disabled';
  return source.gaps.length > 0 ? 'gap' : 'ok';
};

const short = (text: string): string => (text.length > 22 ? `${text.slice(0, 21)}…` : text);

type Node = { key: string; label: string; detail: string; state: LinkState };

const Box = ({ x, y, node, testId }: { x: number; y: number; node: Node; testId: string }) => (
  <g data-testid={testId} data-state={node.state} className={`topology__node topology__node--${node.state}`}>
    <title>{`${node.label}: ${node.detail}`}</title>
    <rect x={x} y={y} width={BOX_W} height={BOX_H} rx={6} />
    <text x={x + BOX_W / 2} y={y + BOX_H / 2 + 4} textAnchor="middle">
      {short(node.label)}
    </text>
  </g>
);

const Link = ({ from, to, state, testId }: { from: [number, number]; to: [number, number]; state: LinkState; testId: string }) => (
  <line
    data-testid={testId}
    data-state={state}
    className={`topology__link topology__link--${state}`}
    x1={from[0]}
    y1={from[1]}
    x2={to[0]}
    y2={to[1]}
    markerEnd="url(#topology-arrow)"
  />
);

/**
 * Who forwards to whom, live: the sources this node trusts on the left (their events come in), this node in the middle,
 * the peers it forwards to on the right. Lag, errors, pauses and gaps colour the links; both lists refresh as their
 * panels do. It draws the first page of each list and says how many more there are.
 */
export const TopologyPanel = () => {
  const self = useThisNode();
  const peers = usePeers(0);
  const sources = useSources(0);
  const failure = self.error ?? peers.error ?? sources.error;
  if (failure) return <Alert>{errorMessage(failure)}</Alert>;
  if (!self.data || !peers.data || !sources.data) return <p className="muted">Loading the topology…</p>;

  const left: Node[] = sources.data.items.map((source) => ({
    key: source.id,
    label: source.name || source.nodeId,
    detail: source.enabled ? `${source.gaps.length} gap(s), high-water mark ${source.highWaterMark ?? '–'}` : 'disabled',
    state: sourceState(source),
  }));
  const right: Node[] = peers.data.items.map((peer) => ({
    key: peer.id,
    label: peer.nodeId,
    detail: peer.paused ? 'paused' : `lag ${peer.lag}${peer.lastError ? `, last error: ${peer.lastError}` : ''}`,
    state: peerState(peer),
  }));
  const rows = Math.max(left.length, right.length, 1);
  const height = rows * ROW + 8;
  const centerY = height / 2 - BOX_H / 2;
  const rowY = (index: number, count: number) => (height - count * ROW) / 2 + index * ROW + (ROW - BOX_H) / 2;
  const center: Node = { key: 'self', label: self.data.name, detail: `${self.data.type}, this node`, state: 'ok' };
  const moreSources = sources.data.totalItems - left.length;
  const morePeers = peers.data.totalItems - right.length;

  return (
    <div className="topology" data-testid="topology">
      <svg role="img" aria-label="Forwarding topology" viewBox={`0 0 ${WIDTH} ${height}`} width="100%">
        <defs>
          <marker id="topology-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        </defs>
        {left.map((node, index) => (
          <Link
            key={`in-${node.key}`}
            testId="topology-link-in"
            state={node.state}
            from={[LEFT_X + BOX_W, rowY(index, left.length) + BOX_H / 2]}
            to={[CENTER_X, centerY + BOX_H / 2]}
          />
        ))}
        {right.map((node, index) => (
          <Link
            key={`out-${node.key}`}
            testId="topology-link-out"
            state={node.state}
            from={[CENTER_X + BOX_W, centerY + BOX_H / 2]}
            to={[RIGHT_X, rowY(index, right.length) + BOX_H / 2]}
          />
        ))}
        {left.map((node, index) => (
          <Box key={node.key} testId="topology-source" x={LEFT_X} y={rowY(index, left.length)} node={node} />
        ))}
        <Box testId="topology-self" x={CENTER_X} y={centerY} node={center} />
        {right.map((node, index) => (
          <Box key={node.key} testId="topology-peer" x={RIGHT_X} y={rowY(index, right.length)} node={node} />
        ))}
      </svg>
      {left.length === 0 && right.length === 0 && <p className="muted">This node neither trusts sources nor forwards to peers yet.</p>}
      {(moreSources > 0 || morePeers > 0) && (
        <p className="muted" data-testid="topology-more">
          {moreSources > 0 && `${moreSources} more source(s) `}
          {morePeers > 0 && `${morePeers} more peer(s) `}
          not drawn; see the lists below.
        </p>
      )}
    </div>
  );
};
