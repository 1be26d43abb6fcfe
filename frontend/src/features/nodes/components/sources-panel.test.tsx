import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import type { ForwardingSource } from '../types';
import { SourcesPanel } from './sources-panel';

const source = (overrides: Partial<ForwardingSource>): ForwardingSource => ({
  id: 'a1',
  nodeId: 'legacy-1',
  name: 'Old node',
  kind: 'API_KEY',
  publicKey: null,
  enabled: true,
  createdAt: '2026-12-01T10:00:00Z',
  lastSeenAt: null,
  highWaterMark: null,
  gaps: [],
  version: 0,
  ...overrides,
});

describe('SourcesPanel', () => {
  it('trusts a node by its public key, lists it with its gaps, and removes another', async () => {
    let sources = [source({})];
    const api = mockApi({
      'GET /api/forwarding/sources': () => jsonResponse(aPage(sources)),
      'POST /api/forwarding/sources': ({ body }) => {
        const input = body as { nodeId: string; publicKey: string; name: string };
        sources = [
          ...sources,
          source({ id: 'b2', nodeId: input.nodeId, name: input.name, kind: 'PUBLIC_KEY', publicKey: input.publicKey, highWaterMark: 11, maxSeen: 14, gaps: [{ fromSeq: 12, toSeq: 13 }] }),
        ];
        return jsonResponse({ id: 'b2', version: 0 }, { status: 201 });
      },
      'DELETE /api/forwarding/sources/a1': () => {
        sources = sources.filter((s) => s.id !== 'a1');
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<SourcesPanel />);

    expect(await screen.findByTestId('source-item')).toHaveTextContent('never heard from');
    await user.type(screen.getByTestId('source-node-id'), 'laptop-ada');
    await user.type(screen.getByTestId('source-public-key'), 'KEY=');
    await user.type(screen.getByTestId('source-name'), "Ada's laptop");
    await user.click(screen.getByTestId('source-submit'));

    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(2));
    expect(api.callsTo('POST', '/api/forwarding/sources')[0].body).toEqual({ nodeId: 'laptop-ada', publicKey: 'KEY=', name: "Ada's laptop" });
    expect(screen.getByTestId('source-gaps')).toHaveTextContent('#12–13');
    expect(screen.getByTestId('source-waiting')).toHaveTextContent('3 received above a gap');
    expect(within(screen.getAllByTestId('source-item')[1]).getByRole('link', { name: 'sessions' })).toHaveAttribute('href', '/sessions?sourceNodeId=laptop-ada');
    expect(screen.getByTestId('source-node-id')).toHaveValue('');

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(within(screen.getAllByTestId('source-item')[0]).getByTestId('source-remove'));

    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(1));
    expect(screen.getByTestId('source-item')).toHaveTextContent('laptop-ada');
  });

  it('shows why the node refused a source', async () => {
    mockApi({
      'GET /api/forwarding/sources': () => jsonResponse(aPage([])),
      'POST /api/forwarding/sources': () =>
        jsonResponse(
          { type: 'about:blank', title: 'Invalid forwarding request', status: 400, detail: 'publicKey must be a raw ed25519 public key in base64', code: 'FORWARDING_INVALID_INPUT' },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const { user } = renderWithProviders(<SourcesPanel />);

    await screen.findByText('No trusted nodes yet.');
    await user.type(screen.getByTestId('source-node-id'), 'n1');
    await user.type(screen.getByTestId('source-public-key'), 'abc');
    await user.click(screen.getByTestId('source-submit'));

    expect(await screen.findByText(/publicKey must be a raw ed25519 public key/)).toBeInTheDocument();
  });
});
