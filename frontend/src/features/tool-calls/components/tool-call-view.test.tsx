import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventStreamProvider } from '@/lib/event-stream';
import { aRun, aRunSummary, RUN_ID } from '@/testing/control-plane-fixtures';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { TOOL_CALL_EVENT_TYPES, type ToolCallDetail, type TrailEntry } from '../types';
import { ToolCallView } from './tool-call-view';

const renderRun = (known?: ToolCallDetail) =>
  renderWithProviders(
    <EventStreamProvider eventTypes={[...TOOL_CALL_EVENT_TYPES, 'hook.delivery-succeeded']}>
      <ToolCallView id={RUN_ID} known={known} />
    </EventStreamProvider>,
  );

const outputEvent = (payload: Record<string, unknown>) =>
  aDomainEvent({ type: 'toolcall.output-recorded', aggregateId: RUN_ID, aggregateVersion: 5, payload });

const trail: TrailEntry[] = [
  { sequence: 1, type: 'toolcall.requested', at: '2026-11-24T10:00:00Z', payload: { tool: 'Bash', input: { command: 'git push origin main' } } },
  {
    sequence: 2,
    type: 'toolcall.permission-evaluated',
    at: '2026-11-24T10:00:00.010Z',
    payload: { outcome: 'ask', decidedBy: { rule: 'Bash(git push:*)', scope: 'user', policy: null } },
  },
  { sequence: 3, type: 'toolcall.approval-requested', at: '2026-11-24T10:00:00.020Z', payload: {} },
  { sequence: 4, type: 'toolcall.approved', at: '2026-11-24T10:01:00Z', payload: { decidedBy: 'ada@example.com', comment: 'ship it' } },
  { sequence: 5, type: 'toolcall.run-started', at: '2026-11-24T10:01:00.100Z', payload: {} },
  { sequence: 6, type: 'toolcall.output-recorded', at: '2026-11-24T10:01:01Z', payload: { sequence: 1, stream: 'stdout', text: 'a' } },
  { sequence: 7, type: 'toolcall.output-recorded', at: '2026-11-24T10:01:02Z', payload: { sequence: 2, stream: 'stdout', text: 'b' } },
  { sequence: 8, type: 'toolcall.completed', at: '2026-11-24T10:01:03Z', payload: { exitCode: 0, durationMs: 2900 } },
];

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('ToolCallView', () => {
  it('shows status, exit code, duration, the decision, the approval and the hooks', async () => {
    mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () =>
        jsonResponse(
          aRun({
            approval: { decidedBy: 'user-ada', decidedByEmail: 'ada@example.com', decision: 'approve', comment: 'ship it', decidedAt: '2026-11-24T10:01:00Z', expiresAt: null },
            hooks: [{ hookId: 'h1', name: 'audit log', event: 'PreToolUse', verdict: 'allow', reason: null }],
          }),
        ),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: true }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: trail }),
    });

    renderRun();

    expect(await screen.findByTestId('run-status')).toHaveTextContent(/^completed$/);
    expect(screen.getByTestId('run-exit-code')).toHaveTextContent('0');
    expect(screen.getByTestId('run-duration')).toHaveTextContent('1.25 s');
    expect(screen.getByTestId('run-outcome')).toHaveTextContent('allow');
    expect(screen.getByTestId('run-decided-by')).toHaveTextContent('Bash(./deploy.sh:*) · user');
    expect(screen.getByTestId('run-reason')).toHaveTextContent('allowed by rule Bash(./deploy.sh:*)');
    expect(screen.getByTestId('run-approval-by')).toHaveTextContent('ada@example.com');
    expect(screen.getByTestId('run-approval')).toHaveTextContent('ship it');
    expect(within(screen.getByTestId('run-hooks')).getByRole('link', { name: 'audit log' })).toHaveAttribute('href', '/hooks/h1');
    expect(screen.queryByTestId('run-cancel')).not.toBeInTheDocument();
  });

  it('lists the webhook deliveries and command-hook calls the run caused, and refreshes them on delivery events', async () => {
    let delivered = false;
    const api = mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun()),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: true }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: trail }),
      [`GET /api/tool-calls/${RUN_ID}/deliveries`]: () =>
        jsonResponse({
          items: [
            {
              id: 'd1',
              hookId: 'h7',
              hookName: 'audit log',
              event: 'PostToolUse',
              status: delivered ? 'delivered' : 'retrying',
              attempts: delivered ? [{}, {}] : [{}],
              createdAt: '2026-11-24T10:01:04Z',
            },
          ],
          page: 0,
          size: 50,
          totalItems: 1,
          totalPages: 1,
        }),
      'GET /api/tool-calls': () =>
        jsonResponse({
          items: [aRunSummary({ id: 'child-1', summary: './check.sh', origin: 'hook', status: 'completed' })],
          page: 0,
          size: 50,
          totalItems: 1,
          totalPages: 1,
        }),
    });

    renderRun();

    const delivery = await screen.findByTestId('run-delivery-d1');
    expect(within(delivery).getByRole('link', { name: 'audit log' })).toHaveAttribute('href', '/hooks/h7');
    expect(within(delivery).getByTestId('run-delivery-status')).toHaveTextContent('retrying');
    expect(delivery).toHaveTextContent('PostToolUse webhook · 1 attempt');
    const child = await screen.findByTestId('run-hook-call-child-1');
    expect(within(child).getByRole('link', { name: './check.sh' })).toHaveAttribute('href', '/tool-calls/child-1');
    expect(api.callsTo('GET', '/api/tool-calls')[0].search.get('parentId')).toBe(RUN_ID);

    delivered = true;
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('hook.delivery-succeeded', aDomainEvent({ type: 'hook.delivery-succeeded', aggregateId: 'd1' }), '7');
    });
    await waitFor(() => expect(within(screen.getByTestId('run-delivery-d1')).getByTestId('run-delivery-status')).toHaveTextContent('delivered'));
    expect(screen.getByTestId('run-delivery-d1')).toHaveTextContent('2 attempts');
  });

  it('tells the decision trail in order, one readable line per event, output chunks folded', async () => {
    mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun()),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: true }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: trail }),
    });

    renderRun();

    const entries = within(await screen.findByTestId('run-trail')).getAllByTestId('trail-entry');
    expect(entries.map((entry) => entry.dataset.type)).toEqual([
      'requested',
      'permission-evaluated',
      'approval-requested',
      'approved',
      'run-started',
      'output-recorded',
      'completed',
    ]);
    expect(entries[0]).toHaveTextContent('Requested Bash: git push origin main');
    expect(entries[1]).toHaveTextContent('Permission ask by rule Bash(git push:*) (user)');
    expect(entries[3]).toHaveTextContent('Approved by ada@example.com — “ship it”');
    expect(entries[5]).toHaveTextContent('Output recorded: 2 chunks');
    expect(entries[6]).toHaveTextContent('Completed with exit code 0 in 2.9 s');
    expect(entries[0].querySelector('time')).toHaveAttribute('dateTime', '2026-11-24T10:00:00Z');
  });

  it('streams the output of a running call from its events, then shows it finished', async () => {
    let status: ToolCallDetail['status'] = 'running';
    const api = mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun({ status, exitCode: status === 'running' ? null : 0 })),
      [`GET /api/tool-calls/${RUN_ID}/output`]: ({ search }) => {
        const after = search.get('after');
        if (after === null) {
          return jsonResponse({
            items: [
              { sequence: 1, stream: 'stdout', text: 'building\n' },
              { sequence: 2, stream: 'stderr', text: 'warning: slow\n' },
            ],
            truncated: false,
            finished: false,
          });
        }
        if (after === '3') {
          return jsonResponse({
            items: [
              { sequence: 4, stream: 'stdout', text: 'pushing\n' },
              { sequence: 5, stream: 'stdout', text: 'done\n' },
            ],
            truncated: false,
            finished: status !== 'running',
          });
        }
        return jsonResponse({ items: [], truncated: false, finished: status !== 'running' });
      },
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });
    renderRun();

    const output = await screen.findByTestId('run-output');
    await waitFor(() => expect(output).toHaveTextContent('building warning: slow'));
    expect(screen.getByTestId('run-output-state')).toHaveTextContent('streaming');
    expect(output.querySelector('.run-output__chunk--stderr')).toHaveTextContent('warning: slow');
    expect(screen.getByTestId('run-cancel')).toBeInTheDocument();

    act(() => {
      FakeEventSource.latest().open();
      // The next chunk rides on the event: shown without a request.
      FakeEventSource.latest().emit('toolcall.output-recorded', outputEvent({ sequence: 3, stream: 'stdout', text: 'tests ok\n' }), '101');
    });
    expect(output).toHaveTextContent('building warning: slow tests ok');

    // An event that skips a chunk: what is missing is read after the last known sequence.
    act(() => FakeEventSource.latest().emit('toolcall.output-recorded', outputEvent({ sequence: 5 }), '103'));
    await waitFor(() => expect(output).toHaveTextContent('tests ok pushing done'));
    expect(api.callsTo('GET', `/api/tool-calls/${RUN_ID}/output`).some((c) => c.search.get('after') === '3')).toBe(true);

    status = 'completed';
    act(() =>
      FakeEventSource.latest().emit('toolcall.completed', aDomainEvent({ type: 'toolcall.completed', aggregateId: RUN_ID, payload: { exitCode: 0 } }), '104'),
    );
    await waitFor(() => expect(screen.getByTestId('run-status')).toHaveTextContent('completed'));
    expect(screen.queryByTestId('run-cancel')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('run-output-state')).toHaveTextContent('finished'));
    expect(output.textContent).toBe('building\nwarning: slow\ntests ok\npushing\ndone\n');
  });

  it('polls the output every second while the event stream is not live', async () => {
    let chunks = 0;
    mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun({ status: 'running' })),
      [`GET /api/tool-calls/${RUN_ID}/output`]: ({ search }) => {
        const after = Number(search.get('after') ?? 0);
        chunks += 1;
        return jsonResponse({ items: [{ sequence: after + 1, stream: 'stdout', text: `tick ${after + 1} ` }], truncated: false, finished: false });
      },
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });
    renderRun();

    await waitFor(() => expect(screen.getByTestId('run-output')).toHaveTextContent('tick 1'));
    await waitFor(() => expect(screen.getByTestId('run-output')).toHaveTextContent('tick 1 tick 2'), { timeout: 2_500 });
    expect(chunks).toBeGreaterThanOrEqual(2);
  });

  it('cancels a running call', async () => {
    let status: ToolCallDetail['status'] = 'running';
    const api = mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun({ status, exitCode: null })),
      [`POST /api/tool-calls/${RUN_ID}/cancel`]: () => {
        status = 'cancelled';
        return jsonResponse(aRun({ status, exitCode: null }));
      },
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: status !== 'running' }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });
    const { user } = renderRun();

    await user.click(await screen.findByTestId('run-cancel'));

    await waitFor(() => expect(screen.getByTestId('run-status')).toHaveTextContent('cancelled'));
    expect(screen.queryByTestId('run-cancel')).not.toBeInTheDocument();
    expect(api.callsTo('POST', `/api/tool-calls/${RUN_ID}/cancel`)).toHaveLength(1);
  });

  it('waits for a decision with the expiry and a way to the approvals', async () => {
    mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () =>
        jsonResponse(
          aRun({
            status: 'awaiting_approval',
            outcome: 'ask',
            exitCode: null,
            durationMs: null,
            approval: { decidedBy: null, decision: null, comment: null, decidedAt: null, expiresAt: new Date(Date.now() + 600_000).toISOString() },
          }),
        ),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: false }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });

    renderRun();

    const approval = await screen.findByTestId('run-approval');
    expect(approval).toHaveTextContent('waiting for a decision');
    expect(approval).toHaveTextContent(/expires in (9:5\d|10:00)/);
    expect(screen.getByTestId('run-open-approvals')).toHaveAttribute('href', '/tool-calls/approvals');
    expect(await screen.findByText('Waiting for output…')).toBeInTheDocument();
  });

  it('shows what the start answered until the read side has the run', async () => {
    let reads = 0;
    mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () =>
        ++reads < 3 ? problemResponse({ status: 404, code: 'NOT_FOUND', title: 'Not found' }) : jsonResponse(aRun({ status: 'running' })),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: false }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });

    renderRun(aRun({ status: 'requested' }));

    expect(await screen.findByTestId('run-status')).toHaveTextContent('requested');
    await waitFor(() => expect(screen.getByTestId('run-status')).toHaveTextContent('running'), { timeout: 3_000 });
    expect(screen.queryByTestId('run-not-found')).not.toBeInTheDocument();
  });

  it('does not follow an approved call of another tool: its runtime executes it', async () => {
    const api = mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun({ tool: 'Read', commandName: null, status: 'approved', exitCode: null })),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: false }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });

    renderRun();

    expect(await screen.findByTestId('run-status')).toHaveTextContent('approved');
    expect(await screen.findByTestId('run-output-state')).toHaveTextContent('not running');
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(api.callsTo('GET', `/api/tool-calls/${RUN_ID}/output`)).toHaveLength(1);
    expect(api.callsTo('GET', `/api/tool-calls/${RUN_ID}`)).toHaveLength(1);
  });

  it('reads the output a runtime reported once its call turns final', async () => {
    let reported = false;
    const api = mockApi({
      [`GET /api/tool-calls/${RUN_ID}`]: () =>
        jsonResponse(aRun({ tool: 'Read', commandName: null, status: reported ? 'completed' : 'approved', exitCode: reported ? 0 : null })),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () =>
        jsonResponse({ items: reported ? [{ sequence: 1, stream: 'stdout', text: 'class App {}' }] : [], truncated: false, finished: reported }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });

    renderRun();

    expect(await screen.findByTestId('run-awaiting-runtime')).toHaveTextContent('Its runtime runs Read itself');
    reported = true;
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('toolcall.completed', aDomainEvent({ type: 'toolcall.completed', aggregateId: RUN_ID, payload: { exitCode: 0 } }), '9');
    });
    await waitFor(() => expect(screen.getByTestId('run-status')).toHaveTextContent('completed'));
    await waitFor(() => expect(screen.getByTestId('run-output')).toHaveTextContent('class App {}'));
    expect(screen.queryByTestId('run-awaiting-runtime')).not.toBeInTheDocument();
    expect(api.callsTo('GET', `/api/tool-calls/${RUN_ID}/output`).length).toBeGreaterThanOrEqual(2);
  });

  it('says when there is no such run', async () => {
    mockApi({ [`GET /api/tool-calls/${RUN_ID}`]: () => problemResponse({ status: 404, code: 'NOT_FOUND', title: 'Not found' }) });

    renderRun();

    expect(await screen.findByTestId('run-not-found')).toBeInTheDocument();
  });
});
