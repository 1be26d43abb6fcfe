import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NodesRoute } from '@/app/routes/nodes';
import { anAdmin, anAuthState } from '@/testing/auth-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { InboundRefusal, ThisNode } from '../types';
import { RefusalsPanel } from './refusals-panel';

const refusal = (overrides: Partial<InboundRefusal>): InboundRefusal => ({
  origin: 'laptop-ada',
  endpoint: 'push',
  refused: 5,
  lastCode: 'FORWARDING_BAD_SIGNATURE',
  lastRefusedAt: '2026-12-06T18:00:00Z',
  ...overrides,
});

const self: ThisNode = {
  id: 'node-eu-1',
  name: 'cloud',
  type: 'cloud',
  publicKey: 'KEY=',
  keyId: 'k1',
  version: '0.1.0',
  uptime: 60,
  position: 42,
  keys: [],
};

describe('RefusalsPanel', () => {
  it('lists refusals per origin and endpoint with the last code, and pages through them', async () => {
    const api = mockApi({
      'GET /api/forwarding/refusals': ({ search }) =>
        search.get('page') === '1'
          ? jsonResponse(aPage([refusal({ origin: '(unnamed)', refused: 1, lastCode: 'FORWARDING_MISSING_HEADER' })], { page: 1, totalItems: 21, totalPages: 2 }))
          : jsonResponse(
              aPage([refusal({}), refusal({ origin: 'cloud-peer', endpoint: 'pull', refused: 2, lastCode: 'FORWARDING_RATE_LIMITED' })], { totalItems: 21, totalPages: 2 }),
            ),
    });
    const { user } = renderWithProviders(<RefusalsPanel />);

    await waitFor(() => expect(screen.getAllByTestId('refusal-item')).toHaveLength(2));
    const [pushed, pulled] = screen.getAllByTestId('refusal-item');
    expect(pushed).toHaveTextContent('laptop-ada');
    expect(pushed).toHaveTextContent('events sent here');
    expect(pushed).toHaveTextContent('5 refused');
    expect(pushed).toHaveTextContent('FORWARDING_BAD_SIGNATURE');
    expect(within(pushed).getByRole('time')).toHaveAttribute('dateTime', '2026-12-06T18:00:00Z');
    expect(pulled).toHaveTextContent('cloud-peer');
    expect(pulled).toHaveTextContent('pulls of this node’s events');
    expect(pulled).toHaveTextContent('FORWARDING_RATE_LIMITED');
    expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 1 of 2 · 21 origins');
    expect(api.callsTo('GET', '/api/forwarding/refusals')[0].search.get('size')).toBe('20');

    await user.click(screen.getByRole('button', { name: 'Next →' }));

    await waitFor(() => expect(screen.getByTestId('refusal-item')).toHaveTextContent('(unnamed)'));
    expect(screen.getByTestId('refusal-item')).toHaveTextContent('FORWARDING_MISSING_HEADER');
    expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 2 of 2');
  });

  it('says when nothing was refused', async () => {
    mockApi({ 'GET /api/forwarding/refusals': () => jsonResponse(aPage([])) });
    renderWithProviders(<RefusalsPanel />);
    expect(await screen.findByText('No refused requests.')).toBeInTheDocument();
    expect(screen.queryByTestId('pagination-status')).not.toBeInTheDocument();
  });

  it('explains a list it could not read', async () => {
    mockApi({
      'GET /api/forwarding/refusals': () =>
        problemResponse({ status: 403, title: 'Forbidden', detail: 'Only admins see forwarding', code: 'FORWARDING_NOT_ADMIN' }),
    });
    renderWithProviders(<RefusalsPanel />);
    expect(await screen.findByText('Could not load refused requests')).toBeInTheDocument();
    expect(screen.getByText(/Only admins see forwarding/)).toBeInTheDocument();
  });
});

describe('the Nodes page', () => {
  const nodeApi = {
    'GET /api/nodes/self': () => jsonResponse(self),
    'GET /api/forwarding/sources': () => jsonResponse(aPage([])),
    'GET /api/forwarding/peers': () => jsonResponse(aPage([])),
    'GET /api/forwarding/refusals': () => jsonResponse(aPage([refusal({})])),
  };

  it('shows admins the refused requests beside the other forwarding panels', async () => {
    mockApi({ ...nodeApi, 'GET /api/auth/state': () => jsonResponse(anAuthState({ user: anAdmin() })) });
    renderWithProviders(<NodesRoute />);

    expect(await screen.findByRole('heading', { name: 'Refused requests' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Peers (forwarding to)' })).toBeInTheDocument();
    expect(await screen.findByTestId('refusal-item')).toHaveTextContent('laptop-ada');
  });

  it('hides them from members, as it hides the other admin panels, and never asks for them', async () => {
    const api = mockApi({ ...nodeApi, 'GET /api/auth/state': () => jsonResponse(anAuthState()) });
    renderWithProviders(<NodesRoute />);

    expect(await screen.findByTestId('node-id')).toHaveTextContent('node-eu-1');
    expect(screen.queryByRole('heading', { name: 'Refused requests' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Trusted sources' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/forwarding/refusals')).toHaveLength(0);
  });
});
