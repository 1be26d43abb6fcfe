import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventStreamProvider } from '@/lib/event-stream';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { aPage, SESSION_ID } from '@/testing/fixtures';
import { AGENT_RUN_ID, anAgentRun } from '@/testing/run-fixtures';
import { createTestQueryClient, jsonResponse, mockApi } from '@/testing/test-utils';
import { RUN_EVENT_TYPES, type RunView } from '../types';
import { useRun } from './find-run';
import { useSessionRuns } from './list-session-runs';
import { useRunLiveUpdates } from './run-live-updates';

const Watcher = () => {
  useRunLiveUpdates();
  const run = useRun(AGENT_RUN_ID, { poll: false });
  const list = useSessionRuns(SESSION_ID);
  return (
    <>
      <span data-testid="output">{run.data?.output}</span>
      <span data-testid="state">{run.data?.state}</span>
      <span data-testid="rows">{list.data?.items.map((r) => r.id).join(',')}</span>
    </>
  );
};

const renderWatcher = () =>
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <EventStreamProvider eventTypes={[...RUN_EVENT_TYPES, 'toolcall.approved', 'toolcall.output-recorded']}>
        <Watcher />
      </EventStreamProvider>
    </QueryClientProvider>,
  );

const emit = (type: string, version: number, payload: Record<string, unknown>, aggregateId = AGENT_RUN_ID) =>
  act(() => {
    FakeEventSource.latest().emit(type, aDomainEvent({ type, aggregateId, aggregateVersion: version, payload }), String(version));
  });

const running = (overrides: Partial<RunView> = {}) => anAgentRun({ state: 'running', answer: null, endedAt: null, ...overrides });

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('useRunLiveUpdates', () => {
  it('appends a streamed chunk that follows what is shown, without a request', async () => {
    const api = mockApi({
      [`GET /api/runs/${AGENT_RUN_ID}`]: () => jsonResponse(running({ output: 'Hel', version: 3 })),
      [`GET /api/sessions/${SESSION_ID}/runs`]: () => jsonResponse(aPage([running({ output: 'Hel', version: 3 })])),
    });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('output')).toHaveTextContent('Hel'));
    const reads = api.calls.length;

    emit('run.assistant-output-streamed', 4, { runId: AGENT_RUN_ID, step: 1, text: 'lo' });
    emit('run.assistant-output-streamed', 5, { runId: AGENT_RUN_ID, step: 1, text: ' world' });

    await waitFor(() => expect(screen.getByTestId('output')).toHaveTextContent('Hello world'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(api.calls.length).toBe(reads);
  });

  it('reads the run at the event version after a gap in the chunks, and does not append twice', async () => {
    let served = running({ output: 'A', version: 3 });
    const api = mockApi({
      [`GET /api/runs/${AGENT_RUN_ID}`]: () => jsonResponse(served),
      [`GET /api/sessions/${SESSION_ID}/runs`]: () => jsonResponse(aPage([])),
    });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('output')).toHaveTextContent('A'));

    served = running({ output: 'ABC', version: 5 });
    emit('run.assistant-output-streamed', 5, { runId: AGENT_RUN_ID, step: 1, text: 'C' });

    await waitFor(() => expect(screen.getByTestId('output')).toHaveTextContent(/^ABC$/));
    expect(api.callsTo('GET', `/api/runs/${AGENT_RUN_ID}`).at(-1)?.search.get('minVersion')).toBe('5');

    const reads = api.calls.length;
    emit('run.assistant-output-streamed', 5, { runId: AGENT_RUN_ID, step: 1, text: 'C' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(screen.getByTestId('output')).toHaveTextContent(/^ABC$/);
    expect(api.calls.length).toBe(reads);
  });

  it('reads the run at the version of a state change and refetches the session runs when a run starts', async () => {
    let served = running({ version: 3 });
    let listed: RunView[] = [];
    const api = mockApi({
      [`GET /api/runs/${AGENT_RUN_ID}`]: () => jsonResponse(served),
      [`GET /api/sessions/${SESSION_ID}/runs`]: () => jsonResponse(aPage(listed)),
    });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('state')).toHaveTextContent('running'));

    served = anAgentRun({ version: 7 });
    emit('run.completed', 7, { runId: AGENT_RUN_ID, answer: 'Here they are.' });

    await waitFor(() => expect(screen.getByTestId('state')).toHaveTextContent('completed'));
    expect(api.callsTo('GET', `/api/runs/${AGENT_RUN_ID}`).at(-1)?.search.get('minVersion')).toBe('7');

    listed = [anAgentRun({ id: 'other-run' })];
    emit('run.started', 0, { runId: 'other-run', sessionId: SESSION_ID }, 'other-run');

    await waitFor(() => expect(screen.getByTestId('rows')).toHaveTextContent('other-run'));
  });
});

describe('useRunLiveUpdates and tool calls', () => {
  it('reads a run again when one of its tool calls is decided elsewhere', async () => {
    let status = 'awaiting_approval';
    const api = mockApi({
      [`GET /api/runs/${AGENT_RUN_ID}`]: () =>
        jsonResponse(
          running({
            state: status === 'awaiting_approval' ? 'awaiting_approval' : 'running',
            toolCalls: [{ toolCallId: 'tc-1', step: 1, tool: 'Bash', input: { command: 'ls' }, status, output: null, error: false }],
          }),
        ),
      [`GET /api/sessions/${SESSION_ID}/runs`]: () => jsonResponse(aPage([])),
    });
    renderWatcher();
    await waitFor(() => expect(screen.getByTestId('state')).toHaveTextContent('awaiting_approval'));

    status = 'approved';
    emit('toolcall.approved', 2, { decision: 'approve' }, 'tc-1');
    await waitFor(() => expect(screen.getByTestId('state')).toHaveTextContent(/^running$/));

    const reads = api.calls.length;
    emit('toolcall.approved', 3, {}, 'some-other-call');
    emit('toolcall.output-recorded', 4, { sequence: 1, text: 'x' }, 'tc-1');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(api.calls.length).toBe(reads);
  });
});
