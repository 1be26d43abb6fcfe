import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import type { ForwardingPeer, PeerDeadLetter } from '../types';
import { PeersPanel } from './peers-panel';

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

const letter = (overrides: Partial<PeerDeadLetter>): PeerDeadLetter => ({
  id: 7,
  peerId: 'p1',
  webhookId: 'fwd_a_10_12',
  fromSeq: 10,
  toSeq: 12,
  events: 3,
  status: 403,
  error: 'HTTP 403: FORWARDING_UNKNOWN_ORIGIN',
  attempts: 1,
  createdAt: '2026-12-01T10:00:00Z',
  lastAttemptAt: '2026-12-01T10:00:00Z',
  ...overrides,
});

const problem = (status: number, code: string, detail: string) =>
  jsonResponse({ type: 'about:blank', title: 'Refused', status, detail, code }, { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('PeersPanel', () => {
  it('registers a peer with its filter and policy, and shows how its outbox stands', async () => {
    let peers: ForwardingPeer[] = [];
    const api = mockApi({
      'GET /api/forwarding/peers': () => jsonResponse(aPage(peers)),
      'POST /api/forwarding/peers': ({ body }) => {
        const input = body as { url: string; nodeId: string; publicKey: string; eventTypes: string[]; redaction: string };
        peers = [peer({ url: input.url, nodeId: input.nodeId, eventTypes: input.eventTypes, redaction: 'METADATA', lag: 17, lastError: 'network: ConnectException', lastErrorAt: '2026-12-01T10:06:00Z' })];
        return jsonResponse({ id: 'p1', version: 0 }, { status: 201 });
      },
    });
    const { user } = renderWithProviders(<PeersPanel />);

    await screen.findByText('This node forwards to no other node yet.');
    await user.type(screen.getByTestId('peer-url'), ' https://cloud.example.org ');
    await user.type(screen.getByTestId('peer-node-id'), 'cloud-1');
    await user.type(screen.getByTestId('peer-public-key'), 'KEY=');
    await user.type(screen.getByTestId('peer-event-types'), 'Session*, ToolCall*');
    await user.selectOptions(screen.getByTestId('peer-redaction'), 'METADATA');
    await user.click(screen.getByTestId('peer-submit'));

    expect(await screen.findByTestId('peer-item')).toHaveTextContent('cloud-1');
    expect(api.callsTo('POST', '/api/forwarding/peers')[0].body).toEqual({
      url: 'https://cloud.example.org',
      nodeId: 'cloud-1',
      publicKey: 'KEY=',
      eventTypes: ['Session*', 'ToolCall*'],
      redaction: 'metadata',
    });
    expect(screen.getByTestId('peer-progress')).toHaveTextContent('17 behind');
    expect(screen.getByTestId('peer-progress')).toHaveTextContent('only Session*, ToolCall*');
    expect(screen.getByTestId('peer-last-error')).toHaveTextContent('network: ConnectException');
    expect(screen.getByTestId('peer-url')).toHaveValue('');
  });

  it('pauses, resumes, replays from a position and removes a peer', async () => {
    let peers = [peer({})];
    const api = mockApi({
      'GET /api/forwarding/peers': () => jsonResponse(aPage(peers)),
      'POST /api/forwarding/peers/p1/pause': () => {
        peers = [peer({ paused: true, lag: 3 })];
        return jsonResponse({ id: 'p1', version: 1 });
      },
      'POST /api/forwarding/peers/p1/resume': () => {
        peers = [peer({ paused: false })];
        return jsonResponse({ id: 'p1', version: 2 });
      },
      'POST /api/forwarding/peers/p1/reset': () => jsonResponse({ id: 'p1', version: 3 }),
      'DELETE /api/forwarding/peers/p1': () => {
        peers = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<PeersPanel />);

    expect(await screen.findByTestId('peer-state')).toHaveTextContent('sending');
    expect(screen.getByTestId('peer-progress')).toHaveTextContent('up to date');
    await user.click(screen.getByTestId('peer-pause'));
    await waitFor(() => expect(screen.getByTestId('peer-state')).toHaveTextContent('paused'));
    expect(screen.getByTestId('peer-progress')).toHaveTextContent('3 behind');

    await user.click(screen.getByTestId('peer-resume'));
    await waitFor(() => expect(screen.getByTestId('peer-state')).toHaveTextContent('sending'));

    await user.clear(screen.getByTestId('peer-reset-position'));
    await user.type(screen.getByTestId('peer-reset-position'), '120');
    await user.click(screen.getByTestId('peer-reset'));
    await waitFor(() => expect(api.callsTo('POST', '/api/forwarding/peers/p1/reset')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/forwarding/peers/p1/reset')[0].body).toEqual({ position: 120 });

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(screen.getByTestId('peer-remove'));
    expect(await screen.findByText('This node forwards to no other node yet.')).toBeInTheDocument();
  });

  it('lists dead letters and retries one, showing why a retry failed', async () => {
    let letters = [letter({}), letter({ id: 8, fromSeq: 13, toSeq: 13, events: 1 })];
    const api = mockApi({
      'GET /api/forwarding/peers': () => jsonResponse(aPage([peer({ deadLetters: letters.length })])),
      'GET /api/forwarding/peers/p1/dead-letters': () => jsonResponse(aPage(letters)),
      'POST /api/forwarding/peers/p1/dead-letters/7/retry': () => {
        letters = letters.filter((l) => l.id !== 7);
        return new Response(null, { status: 204 });
      },
      'POST /api/forwarding/peers/p1/dead-letters/8/retry': () => problem(503, 'FORWARDING_PEER_UNREACHABLE', 'The peer did not take it: HTTP 403'),
    });
    const { user } = renderWithProviders(<PeersPanel />);

    await user.click(await screen.findByTestId('peer-dead-letters-toggle'));
    const list = await screen.findByTestId('peer-dead-letters');
    await waitFor(() => expect(within(list).getAllByTestId('dead-letter')).toHaveLength(2));
    expect(within(list).getAllByTestId('dead-letter')[0]).toHaveTextContent('#10–12 · 3 events · HTTP 403');

    await user.click(within(list).getAllByTestId('dead-letter-retry')[0]);
    await waitFor(() => expect(within(screen.getByTestId('peer-dead-letters')).getAllByTestId('dead-letter')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/forwarding/peers/p1/dead-letters/7/retry')).toHaveLength(1);

    await user.click(within(screen.getByTestId('peer-dead-letters')).getByTestId('dead-letter-retry'));
    expect(await screen.findByText(/The peer did not take it: HTTP 403/)).toBeInTheDocument();
    expect(screen.getByTestId('peer-dead-letters-toggle')).toHaveTextContent('Dead letters (1)');
  });

  it('shows why the node refused a peer', async () => {
    mockApi({
      'GET /api/forwarding/peers': () => jsonResponse(aPage([])),
      'POST /api/forwarding/peers': () => problem(400, 'FORWARDING_INVALID_PEER_URL', 'url must be the peer\'s http(s) base URL'),
    });
    const { user } = renderWithProviders(<PeersPanel />);

    await screen.findByText('This node forwards to no other node yet.');
    await user.type(screen.getByTestId('peer-url'), 'ftp://x');
    await user.click(screen.getByTestId('peer-submit'));

    expect(await screen.findByText(/url must be the peer's http\(s\) base URL/)).toBeInTheDocument();
  });
});
