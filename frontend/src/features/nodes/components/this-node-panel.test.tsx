import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import type { ThisNode } from '../types';
import { ThisNodePanel } from './this-node-panel';

const node = (overrides: Partial<ThisNode> = {}): ThisNode => ({
  id: 'node-eu-1',
  name: 'laptop',
  type: 'hybrid',
  publicKey: '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
  keyId: '20261205-0a1b2c3d',
  version: '0.1.0',
  uptime: 3720,
  position: 42,
  processors: [
    { name: 'sessions', position: 40, head: 42, lag: 2, replaying: false, running: true },
    { name: 'tool-calls', position: null, head: 42, lag: null, replaying: false, running: true },
  ],
  keys: [{ keyId: '20261205-0a1b2c3d', publicKey: '11qY…', status: 'current', createdAt: '2026-12-05T10:00:00Z', validUntil: null, revokedAt: null }],
  ...overrides,
});

describe('ThisNodePanel', () => {
  it('shows what a peer pins: the node id, its type and its public key', async () => {
    mockApi({ 'GET /api/nodes/self': () => jsonResponse(node()) });

    renderWithProviders(<ThisNodePanel canRotate={false} />);

    expect(await screen.findByTestId('node-id')).toHaveTextContent('node-eu-1');
    expect(screen.getByTestId('node-type')).toHaveTextContent('hybrid');
    expect(screen.getByTestId('node-public-key')).toHaveTextContent('11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=');
    expect(screen.getAllByTestId('node-key')).toHaveLength(1);
    expect(screen.getAllByTestId('node-processor-lag').map((cell) => cell.textContent)).toEqual(['2', 'unknown']);
    expect(screen.queryByTestId('rotate-key')).not.toBeInTheDocument();
  });

  it('lets an admin rotate the key after confirming, and shows the new one', async () => {
    let current = node();
    const api = mockApi({
      'GET /api/nodes/self': () => jsonResponse(current),
      'POST /api/nodes/self/keys/rotate': () => {
        current = node({
          keyId: '20261206-ffffffff',
          keys: [
            { ...current.keys[0], status: 'retiring', validUntil: '2026-12-09T10:00:00Z' },
            { keyId: '20261206-ffffffff', publicKey: 'new', status: 'current', createdAt: '2026-12-06T10:00:00Z', validUntil: null, revokedAt: null },
          ],
        });
        return jsonResponse({ keyId: '20261206-ffffffff' });
      },
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderWithProviders(<ThisNodePanel canRotate />);

    await user.click(await screen.findByTestId('rotate-key'));

    await waitFor(() => expect(screen.getAllByTestId('node-key')).toHaveLength(2));
    expect(api.callsTo('POST', '/api/nodes/self/keys/rotate')).toHaveLength(1);
    expect(screen.getAllByTestId('node-key')[0]).toHaveTextContent('retiring');
  });
});
