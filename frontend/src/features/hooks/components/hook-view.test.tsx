import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aDelivery, aHook, captureDownloads, HOOK_ID, RUN_ID } from '@/testing/control-plane-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import type { Delivery } from '../types';
import { HookSettingsTransfer } from './hook-settings-transfer';
import { HooksTable } from './hooks-table';
import { HookView } from './hook-view';

const deadLettered = aDelivery({
  id: 'd-2',
  status: 'dead_lettered',
  attempts: [1, 2, 3, 4, 5].map((number) => ({
    number,
    at: `2026-11-24T10:0${number}:00Z`,
    outcome: 'failed' as const,
    responseCode: number === 5 ? 503 : null,
    durationMs: 1200,
    error: number === 5 ? 'Service unavailable' : 'connection refused',
  })),
});

const hookApi = (deliveries: () => Delivery[], extra = {}) =>
  mockApi({
    [`GET /api/hooks/${HOOK_ID}`]: () => jsonResponse(aHook()),
    [`GET /api/hooks/${HOOK_ID}/deliveries`]: () => jsonResponse(aPage(deliveries())),
    'GET /api/sessions': () => jsonResponse(aPage([])),
    'GET /api/subagents': () => jsonResponse(aPage([])),
    ...extra,
  });

describe('HookView', () => {
  it('lists deliveries with every attempt, and offers re-delivery only for failed ones', async () => {
    hookApi(() => [aDelivery(), deadLettered, aDelivery({ id: 'd-3', status: 'retrying', nextAttemptAt: new Date(Date.now() + 120_000).toISOString(), attempts: [deadLettered.attempts[0]] })]);

    renderWithProviders(<HookView id={HOOK_ID} onDeleted={vi.fn()} />);

    const log = await screen.findByTestId('hook-deliveries');
    const delivered = within(log).getByTestId('delivery-row-d-1');
    expect(within(delivered).getByTestId('delivery-status')).toHaveTextContent('delivered');
    expect(delivered).toHaveTextContent('HTTP 200');
    expect(within(delivered).queryByTestId('delivery-redeliver')).not.toBeInTheDocument();
    expect(within(delivered).getByRole('link', { name: /run r0000000/ })).toHaveAttribute('href', `/tool-calls/${RUN_ID}`);
    const dead = within(log).getByTestId('delivery-row-d-2');
    expect(within(dead).getAllByTestId('delivery-attempt')).toHaveLength(5);
    expect(dead).toHaveTextContent('Service unavailable');
    expect(dead).toHaveTextContent('HTTP 503');
    expect(dead).toHaveTextContent('1.2 s');
    expect(within(dead).getByTestId('delivery-redeliver')).toBeInTheDocument();
    const retrying = within(log).getByTestId('delivery-row-d-3');
    expect(within(retrying).getByTestId('delivery-next-attempt')).toHaveTextContent('next attempt in 2 minutes');
    expect(within(retrying).getByTestId('delivery-redeliver')).toBeInTheDocument();
  });

  it('re-delivers a dead-lettered delivery and reads the log again', async () => {
    let deliveries = [deadLettered];
    const api = hookApi(() => deliveries, {
      [`POST /api/hooks/${HOOK_ID}/deliveries/d-2/redeliver`]: () => {
        deliveries = [{ ...deadLettered, status: 'pending' }];
        return jsonResponse(deliveries[0], { status: 202 });
      },
    });
    const { user } = renderWithProviders(<HookView id={HOOK_ID} onDeleted={vi.fn()} />);

    await user.click(within(await screen.findByTestId('delivery-row-d-2')).getByTestId('delivery-redeliver'));

    await waitFor(() => expect(within(screen.getByTestId('delivery-row-d-2')).getByTestId('delivery-status')).toHaveTextContent('pending'));
    expect(api.callsTo('POST', `/api/hooks/${HOOK_ID}/deliveries/d-2/redeliver`)).toHaveLength(1);
  });

  it('sends a test event and shows its delivery', async () => {
    let deliveries: Delivery[] = [];
    hookApi(() => deliveries, {
      [`POST /api/hooks/${HOOK_ID}/test`]: () => {
        deliveries = [aDelivery({ id: 'd-test', event: 'hook.test', toolCallId: null, status: 'pending', attempts: [] })];
        return jsonResponse({ deliveryId: 'd-test' }, { status: 202 });
      },
    });
    const { user } = renderWithProviders(<HookView id={HOOK_ID} onDeleted={vi.fn()} />);
    expect(await screen.findByText(/No deliveries yet/)).toBeInTheDocument();

    await user.click(screen.getByTestId('hook-test'));

    expect(await screen.findByTestId('hook-test-sent')).toHaveTextContent('Test event queued (delivery d-test)');
    expect(await screen.findByTestId('delivery-row-d-test')).toHaveTextContent('hook.test');
  });

  it('rotates the secret after confirmation and shows the new one once', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    hookApi(() => [], { [`POST /api/hooks/${HOOK_ID}/secret`]: () => jsonResponse({ id: HOOK_ID, version: 2, secret: 'whsec_new' }) });
    const { user } = renderWithProviders(<HookView id={HOOK_ID} onDeleted={vi.fn()} />);

    await user.click(await screen.findByTestId('hook-rotate-secret'));

    expect(await screen.findByTestId('hook-secret')).toHaveTextContent('whsec_new');
    await user.click(screen.getByTestId('hook-secret-close'));
    expect(document.body).not.toHaveTextContent('whsec_new');
  });

  it('saves an edit with If-Match', async () => {
    const api = hookApi(() => [], {
      [`PATCH /api/hooks/${HOOK_ID}`]: () => jsonResponse({ id: HOOK_ID, version: 2 }),
    });
    const { user } = renderWithProviders(<HookView id={HOOK_ID} onDeleted={vi.fn()} />);

    await user.click(await screen.findByTestId('hook-active'));
    await user.click(screen.getByTestId('hook-save'));

    await waitFor(() => expect(api.callsTo('PATCH', `/api/hooks/${HOOK_ID}`)).toHaveLength(1));
    const patch = api.callsTo('PATCH', `/api/hooks/${HOOK_ID}`)[0];
    expect(patch.body).toEqual({ active: false });
    expect(patch.headers.get('If-Match')).toBe('"1"');
  });

  it('shows that a PreToolUse hook blocks when it cannot answer, and lets its owner choose to let calls go on', async () => {
    const api = hookApi(() => [], {
      [`PATCH /api/hooks/${HOOK_ID}`]: () => jsonResponse({ id: HOOK_ID, version: 2 }),
    });
    const { user } = renderWithProviders(<HookView id={HOOK_ID} onDeleted={vi.fn()} />);

    expect(await screen.findByTestId('hook-view-on-failure')).toHaveTextContent('fails closed');
    expect(screen.getByTestId('hook-on-failure')).toHaveValue('block');
    await user.selectOptions(screen.getByTestId('hook-on-failure'), 'allow');
    await user.click(screen.getByTestId('hook-save'));

    await waitFor(() => expect(api.callsTo('PATCH', `/api/hooks/${HOOK_ID}`)).toHaveLength(1));
    expect(api.callsTo('PATCH', `/api/hooks/${HOOK_ID}`)[0].body).toEqual({ onFailure: 'allow' });
  });

  it('has no failure choice for a PostToolUse hook, which never holds a call', async () => {
    hookApi(() => [], { [`GET /api/hooks/${HOOK_ID}`]: () => jsonResponse(aHook({ event: 'PostToolUse' })) });
    renderWithProviders(<HookView id={HOOK_ID} onDeleted={vi.fn()} />);

    expect(await screen.findByTestId('hook-form')).toBeInTheDocument();
    expect(screen.queryByTestId('hook-on-failure')).not.toBeInTheDocument();
    expect(screen.queryByTestId('hook-view-on-failure')).not.toBeInTheDocument();
  });
});

describe('HooksTable', () => {
  it('lists hooks with their target and delivery counts, each linking to its page', async () => {
    mockApi({ 'GET /api/hooks': () => jsonResponse(aPage([aHook(), aHook({ id: 'h2', name: 'guard', type: 'command', command: './check.sh', url: null, active: false, failures: 0 })])) });

    renderWithProviders(<HooksTable />);

    const row = await screen.findByTestId(`hook-row-${HOOK_ID}`);
    expect(within(row).getByTestId('hook-link')).toHaveAttribute('href', `/hooks/${HOOK_ID}`);
    expect(row).toHaveTextContent('https://example.com/hook');
    expect(screen.getByTestId('hook-row-h2')).toHaveTextContent('inactive');
    expect(screen.getByTestId('hook-row-h2')).toHaveTextContent('./check.sh');
  });

  it('says for each PreToolUse hook what its failure does to a call', async () => {
    mockApi({
      'GET /api/hooks': () =>
        jsonResponse(aPage([aHook(), aHook({ id: 'h2', name: 'lenient', onFailure: 'allow' }), aHook({ id: 'h3', name: 'after', event: 'PostToolUse' })])),
    });

    renderWithProviders(<HooksTable />);

    expect(within(await screen.findByTestId(`hook-row-${HOOK_ID}`)).getByTestId('hook-on-failure-badge')).toHaveTextContent('fails closed');
    expect(within(screen.getByTestId('hook-row-h2')).getByTestId('hook-on-failure-badge')).toHaveTextContent('fails open');
    expect(within(screen.getByTestId('hook-row-h3')).queryByTestId('hook-on-failure-badge')).not.toBeInTheDocument();
  });
});

describe('HookSettingsTransfer', () => {
  it('imports the hooks of a pasted settings.json and exports them', async () => {
    const downloads = captureDownloads();
    const exported = { hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './check.sh' }] }] } };
    const api = mockApi({
      'POST /api/hooks/import': () => jsonResponse({ imported: 2, skipped: 0 }),
      'GET /api/hooks': () => jsonResponse(aPage([])),
      'GET /api/hooks/export': () => jsonResponse(exported),
    });
    const { user } = renderWithProviders(<HookSettingsTransfer />);

    await user.click(screen.getByTestId('hooks-import-json'));
    await user.paste(JSON.stringify(exported));
    await user.click(screen.getByTestId('hooks-import'));
    expect(await screen.findByTestId('hooks-import-result')).toHaveTextContent('2 imported 0 skipped');
    expect(api.callsTo('POST', '/api/hooks/import')[0].body).toEqual({ settings: exported });

    await user.click(screen.getByTestId('hooks-export'));
    await waitFor(() => expect(downloads.names).toEqual(['settings.json']));
    expect(JSON.parse(await downloads.text())).toEqual(exported);
  });
});
