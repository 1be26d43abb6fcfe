import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import type { ForwardingPeer, ForwardingSource, ThisNode } from '../types';
import { TopologyPanel } from './topology-panel';

const self: ThisNode = {
  id: 'node-eu-1',
  name: 'laptop',
  type: 'local',
  publicKey: 'KEY=',
  keyId: 'k1',
  version: '0.1.0',
  uptime: 60,
  position: 42,
  keys: [],
};

const source = (overrides: Partial<ForwardingSource>): ForwardingSource => ({
  id: 's1',
  nodeId: 'edge-1',
  name: 'edge one',
  kind: 'PUBLIC_KEY',
  publicKey: 'KEY=',
  enabled: true,
  createdAt: '2026-12-01T10:00:00Z',
  lastSeenAt: '2026-12-01T10:05:00Z',
  highWaterMark: 10,
  gaps: [],
  version: 0,
  ...overrides,
});

const peer = (overrides: Partial<ForwardingPeer>): ForwardingPeer => ({
  id: 'p1',
  url: 'http://10.0.0.7:8080',
  nodeId: 'cloud-1',
  publicKey: 'KEY=',
  eventTypes: [],
  redaction: 'FULL',
  paused: false,
  createdAt: '2026-12-01T10:00:00Z',
  position: 41,
  lag: 0,
  sentEvents: 42,
  lastSuccessAt: '2026-12-01T10:05:00Z',
  lastErrorAt: null,
  lastError: null,
  lastStatus: null,
  deadLetters: 0,
  version: 0,
  ...overrides,
});

const states = (testId: string) => screen.getAllByTestId(testId).map((element) => element.getAttribute('data-state'));

describe('TopologyPanel', () => {
  it('draws sources forwarding into this node and this node forwarding to its peers, coloured by how each link stands', async () => {
    mockApi({
      'GET /api/nodes/self': () => jsonResponse(self),
      'GET /api/forwarding/sources': () =>
        jsonResponse(aPage([source({}), source({ id: 's2', nodeId: 'edge-2', name: '', gaps: [{ fromSeq: 3, toSeq: 4 }] })])),
      'GET /api/forwarding/peers': () =>
        jsonResponse(
          aPage([
            peer({}),
            peer({ id: 'p2', nodeId: 'cloud-2', lag: 17 }),
            peer({ id: 'p3', nodeId: 'cloud-3', lastErrorAt: '2026-12-01T10:06:00Z', lastError: 'HTTP 503' }),
            peer({ id: 'p4', nodeId: 'cloud-4', paused: true }),
          ]),
        ),
    });

    renderWithProviders(<TopologyPanel />);

    expect(await screen.findByTestId('topology-self')).toHaveTextContent(/laptop/);
    expect(screen.getAllByTestId('topology-source').map((node) => node.querySelector('text')?.textContent)).toEqual(['edge one', 'edge-2']);
    expect(states('topology-link-in')).toEqual(['ok', 'gap']);
    expect(screen.getAllByTestId('topology-peer').map((node) => node.querySelector('text')?.textContent)).toEqual(['cloud-1', 'cloud-2', 'cloud-3', 'cloud-4']);
    expect(states('topology-link-out')).toEqual(['ok', 'lagging', 'failing', 'paused']);
    expect(screen.queryByTestId('topology-more')).not.toBeInTheDocument();
  });

  it('says how many nodes beyond the first page are not drawn, and when there is nothing to draw', async () => {
    mockApi({
      'GET /api/nodes/self': () => jsonResponse(self),
      'GET /api/forwarding/sources': () => jsonResponse(aPage([source({})], { totalItems: 25, totalPages: 2 })),
      'GET /api/forwarding/peers': () => jsonResponse(aPage([])),
    });

    renderWithProviders(<TopologyPanel />);

    expect(await screen.findByTestId('topology-more')).toHaveTextContent('24 more source(s)');
    expect(screen.queryAllByTestId('topology-peer')).toHaveLength(0);
  });

  it('shows the failure when a list cannot be read', async () => {
    mockApi({
      'GET /api/nodes/self': () => jsonResponse(self),
      'GET /api/forwarding/sources': () =>
        jsonResponse({ title: 'Forbidden', status: 403, code: 'FORWARDING_NOT_ADMIN', detail: 'Only admins read forwarding sources' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }),
      'GET /api/forwarding/peers': () => jsonResponse(aPage([])),
    });

    renderWithProviders(<TopologyPanel />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Only admins read forwarding sources');
  });
});
