import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { anAuthState } from '@/testing/auth-fixtures';
import { aCommandSummary, anApproval, aRun, aRunSummary, COMMAND_ID, RUN_ID } from '@/testing/control-plane-fixtures';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { aPage } from '@/testing/fixtures';
import { createTestQueryClient, jsonResponse, mockApi } from '@/testing/test-utils';
import { AREAS } from './areas';
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

const empty = () => jsonResponse(aPage([]));

const base = {
  'GET /api/auth/state': () => jsonResponse(anAuthState()),
  'GET /api/events/types': () => jsonResponse([]),
  'GET /api/sessions': empty,
  'GET /api/subagents': empty,
  'GET /api/approvals': empty,
};

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('control plane areas', () => {
  it('are built: commands, runs, subagents, approvals, permissions and hooks', () => {
    const ready = AREAS.filter((area) => area.ready).map((area) => area.path);
    expect(ready).toEqual(expect.arrayContaining(['slash-commands', 'runs', 'subagents', 'approvals', 'permissions', 'hooks']));
  });

  it.each([
    ['/slash-commands', 'Slash commands', 'commands-table'],
    ['/runs', 'Runs', 'runs-table'],
    ['/approvals', 'Approvals', 'approvals-empty'],
    ['/permissions', 'Permissions', 'simulate-form'],
    ['/hooks', 'Hooks', 'hooks-table'],
    ['/subagents', 'Subagents', 'subagents-table'],
  ])('%s opens its page', async (path, title, testId) => {
    mockApi({
      ...base,
      'GET /api/commands': empty,
      'GET /api/executions': empty,
      'GET /api/permissions': empty,
      'GET /api/permission-policies': empty,
      'GET /api/hooks': empty,
    });

    renderApp(path);

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(await screen.findByTestId(testId)).toBeInTheDocument();
    expect(screen.queryByTestId('coming-soon')).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    expect(within(nav).getByRole('link', { name: new RegExp(`^${title}`) })).toHaveAttribute('aria-current', 'page');
  });

  it('counts pending approvals in the navigation and keeps the count live', async () => {
    let pending = [anApproval()];
    mockApi({
      ...base,
      'GET /api/approvals': ({ search }) => jsonResponse(aPage(pending.slice(0, Number(search.get('size'))), { totalItems: pending.length })),
    });
    renderApp('/sessions');

    const badge = await screen.findByTestId('nav-approvals-badge');
    expect(badge).toHaveTextContent(/^1$/);
    expect(within(screen.getByTestId('nav-approvals')).getByText('waiting for a decision')).toBeInTheDocument();
    await vi.waitFor(() => expect(FakeEventSource.latest().listenedTypes()).toContain('toolcall.approval-requested'));

    pending = [anApproval(), anApproval({ toolCallId: 'r2' })];
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('toolcall.approval-requested', aDomainEvent({ type: 'toolcall.approval-requested', aggregateId: 'r2' }), '9');
    });

    await waitFor(() => expect(screen.getByTestId('nav-approvals-badge')).toHaveTextContent(/^2$/));
  });

  it('runs a slash command from the list and lands on its run page', async () => {
    const api = mockApi({
      ...base,
      'GET /api/commands': () => jsonResponse(aPage([aCommandSummary()])),
      [`POST /api/commands/${COMMAND_ID}/execute`]: () => jsonResponse(aRun({ status: 'running', exitCode: null }), { status: 202 }),
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun({ status: 'running', exitCode: null })),
      [`GET /api/executions/${RUN_ID}/output`]: () =>
        jsonResponse({ items: [{ sequence: 1, stream: 'stdout', text: 'deploying staging\n' }], truncated: false, finished: false }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });
    const router = renderApp('/slash-commands');
    const user = userEvent.setup();

    await user.click(within(await screen.findByTestId('command-row-deploy')).getByTestId('command-run-button'));
    await user.type(screen.getByTestId('command-run-arguments'), 'staging');
    await user.click(screen.getByTestId('command-run-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/runs/${RUN_ID}`));
    expect(await screen.findByTestId('run-status')).toHaveTextContent('running');
    await waitFor(() => expect(screen.getByTestId('run-output')).toHaveTextContent('deploying staging'));
    expect(api.callsTo('POST', `/api/commands/${COMMAND_ID}/execute`)[0].body).toEqual({ arguments: 'staging' });
  });

  it('links every run of the runs list to its page', async () => {
    mockApi({
      ...base,
      'GET /api/executions': () => jsonResponse(aPage([aRunSummary()])),
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun()),
      [`GET /api/executions/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: true }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });
    const router = renderApp('/runs');
    const user = userEvent.setup();

    await user.click(within(await screen.findByTestId(`run-row-${RUN_ID}`)).getByTestId('run-link'));

    expect(router.state.location.pathname).toBe(`/runs/${RUN_ID}`);
    expect(await screen.findByTestId('run-status')).toHaveTextContent('completed');
  });
});
