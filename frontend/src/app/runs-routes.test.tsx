import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { anAuthState } from '@/testing/auth-fixtures';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { aDetail, aPage, SESSION_ID } from '@/testing/fixtures';
import { AGENT_RUN_ID, anAgentRun, aTrace, someRuntimes, TRACE_ID } from '@/testing/run-fixtures';
import type { RunView } from '@/features/runs/types';
import { createTestQueryClient, jsonResponse, mockApi } from '@/testing/test-utils';
import { AppProvider } from './provider';
import { routes } from './router';

const renderApp = (path: string) => {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider queryClient={createTestQueryClient()}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
};

const base = {
  'GET /api/auth/state': () => jsonResponse(anAuthState()),
  'GET /api/events/types': () => jsonResponse([]),
  'GET /api/sessions': () => jsonResponse(aPage([])),
  'GET /api/tool-calls/approvals': () => jsonResponse(aPage([])),
  'GET /api/runtimes': () => jsonResponse(someRuntimes()),
};

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('the session page with its conversation', () => {
  it('sends a prompt to the local runtime, shows the prompt in the session and the run answering it, live', async () => {
    let sessionVersion = 0;
    let runs: RunView[] = [];
    let run = anAgentRun({ state: 'running', answer: null, output: '', endedAt: null, version: 0, prompt: 'run: ls' });
    const api = mockApi({
      ...base,
      [`GET /api/sessions/${SESSION_ID}`]: () =>
        jsonResponse(aDetail({ status: sessionVersion ? 'executing' : 'planning', version: sessionVersion, interactionCount: sessionVersion })),
      [`GET /api/sessions/${SESSION_ID}/runs`]: () => jsonResponse(aPage(runs)),
      [`GET /api/runs/${AGENT_RUN_ID}`]: () => jsonResponse(run),
      [`POST /api/sessions/${SESSION_ID}/prompt`]: () => {
        sessionVersion = 1;
        runs = [run];
        return jsonResponse({ id: SESSION_ID, version: 1, interactionId: 'i-1', runId: AGENT_RUN_ID, traceId: TRACE_ID }, { status: 202 });
      },
    });
    renderApp(`/sessions/${SESSION_ID}`);
    const user = userEvent.setup();

    expect(await screen.findByTestId('conversation-empty')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('prompt-runtime')).toHaveValue('local'));
    await user.type(screen.getByTestId('session-prompt-input'), 'run: ls');
    await user.click(screen.getByTestId('session-prompt-submit'));

    const turn = await screen.findByTestId(`agent-run-turn-${AGENT_RUN_ID}`);
    expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/prompt`)[0].body).toEqual({ text: 'run: ls' });
    await waitFor(() => expect(screen.getByTestId('session-status')).toHaveTextContent('executing'));
    expect(api.callsTo('GET', `/api/sessions/${SESSION_ID}`).some((call) => call.search.get('minVersion') === '1')).toBe(true);

    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit(
        'run.assistant-output-streamed',
        aDomainEvent({ type: 'run.assistant-output-streamed', aggregateId: AGENT_RUN_ID, aggregateVersion: 1, payload: { text: 'Listing…' } }),
        '11',
      );
    });
    await waitFor(() => expect(within(turn).getByTestId('agent-run-output-streamed')).toHaveTextContent('Listing…'));

    run = anAgentRun({ prompt: 'run: ls', answer: 'Two files.', version: 5 });
    act(() => {
      FakeEventSource.latest().emit(
        'run.completed',
        aDomainEvent({ type: 'run.completed', aggregateId: AGENT_RUN_ID, aggregateVersion: 5, payload: { answer: 'Two files.' } }),
        '12',
      );
    });
    await waitFor(() => expect(within(screen.getByTestId(`agent-run-turn-${AGENT_RUN_ID}`)).getByTestId('agent-run-answer')).toHaveTextContent('Two files.'));
  });
});

describe('run pages', () => {
  it('/runs/:id of an agent run shows the run', async () => {
    mockApi({ ...base, [`GET /api/runs/${AGENT_RUN_ID}`]: () => jsonResponse(anAgentRun()) });

    const router = renderApp(`/runs/${AGENT_RUN_ID}`);

    expect(await screen.findByTestId('agent-run-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/runs/${AGENT_RUN_ID}`);
  });

  it('/traces/:traceId shows the span waterfall', async () => {
    mockApi({ ...base, [`GET /api/traces/${TRACE_ID}`]: () => jsonResponse(aTrace()) });

    renderApp(`/traces/${TRACE_ID}`);

    expect(await screen.findByTestId('trace-waterfall')).toBeInTheDocument();
  });

  // The page loads lazily; on a busy machine that alone can take longer than the default 5 s test timeout.
  it('/observability is in the navigation and opens its page', async () => {
    mockApi({
      ...base,
      'GET /api/observability/usage': () => jsonResponse({ groupBy: 'model', days: 30, rows: [] }),
      'GET /api/observability/runs': () => jsonResponse({ items: [] }),
    });
    renderApp('/sessions');
    const user = userEvent.setup();

    const nav = await screen.findByRole('navigation', { name: 'Areas' });
    await user.click(within(nav).getByRole('link', { name: /^Observability/ }));

    // The page's module (with the charting library) is imported on first open: on a busy machine that alone can take
    // longer than the default second.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Observability' }, { timeout: 15000 }),
    ).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: /^Observability/ })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('usage-table')).toHaveTextContent('No run in this period.');
    expect(screen.queryByTestId('coming-soon')).not.toBeInTheDocument();
  }, 20_000);
});
