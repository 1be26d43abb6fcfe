import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { anAuthState } from '@/testing/auth-fixtures';
import { aCommandSummary, anApproval, aRun, aRunSummary, COMMAND_ID, RUN_ID } from '@/testing/control-plane-fixtures';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { aPage } from '@/testing/fixtures';
import { createTestQueryClient, jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
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
  'GET /api/tool-calls/approvals': empty,
};

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('control plane areas', () => {
  it('are built: slash commands, tool calls, subagents, approvals, permissions and hooks', () => {
    const ready = AREAS.filter((area) => area.ready).map((area) => area.path);
    expect(ready).toEqual(expect.arrayContaining(['slash-commands', 'tool-calls', 'subagents', 'tool-calls/approvals', 'permissions', 'hooks']));
  });

  it.each([
    ['/slash-commands', 'Slash commands', 'commands-table'],
    ['/tool-calls', 'Tool calls', 'runs-table'],
    ['/tool-calls/approvals', 'Approvals', 'approvals-empty'],
    ['/permissions', 'Permissions', 'simulate-form'],
    ['/hooks', 'Hooks', 'hooks-table'],
    ['/subagents', 'Subagents', 'subagents-table'],
  ])('%s opens its page', async (path, title, testId) => {
    mockApi({
      ...base,
      'GET /api/slash-commands': empty,
      'GET /api/tool-calls': empty,
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
      'GET /api/tool-calls/approvals': ({ search }) => jsonResponse(aPage(pending.slice(0, Number(search.get('size'))), { totalItems: pending.length })),
    });
    renderApp('/sessions');

    const badge = await screen.findByTestId('nav-approvals-badge');
    expect(badge).toHaveTextContent(/^1$/);
    expect(within(screen.getByTestId('nav-tool-calls-approvals')).getByText('waiting for a decision')).toBeInTheDocument();
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
      'GET /api/slash-commands': () => jsonResponse(aPage([aCommandSummary()])),
      [`POST /api/slash-commands/${COMMAND_ID}/execute`]: () => jsonResponse(aRun({ status: 'running', exitCode: null }), { status: 202 }),
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun({ status: 'running', exitCode: null })),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () =>
        jsonResponse({ items: [{ sequence: 1, stream: 'stdout', text: 'deploying staging\n' }], truncated: false, finished: false }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });
    const router = renderApp('/slash-commands');
    const user = userEvent.setup();

    await user.click(within(await screen.findByTestId('command-row-deploy')).getByTestId('command-run-button'));
    await user.type(screen.getByTestId('command-run-arguments'), 'staging');
    await user.click(screen.getByTestId('command-run-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/tool-calls/${RUN_ID}`));
    expect(await screen.findByTestId('run-status')).toHaveTextContent('running');
    await waitFor(() => expect(screen.getByTestId('run-output')).toHaveTextContent('deploying staging'));
    expect(api.callsTo('POST', `/api/slash-commands/${COMMAND_ID}/execute`)[0].body).toEqual({ arguments: 'staging' });
  });

  it('links every call of the tool calls list to its page', async () => {
    mockApi({
      ...base,
      'GET /api/tool-calls': () => jsonResponse(aPage([aRunSummary()])),
      [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun()),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: true }),
      [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
    });
    const router = renderApp('/tool-calls');
    const user = userEvent.setup();

    await user.click(within(await screen.findByTestId(`run-row-${RUN_ID}`)).getByTestId('run-link'));

    expect(router.state.location.pathname).toBe(`/tool-calls/${RUN_ID}`);
    expect(await screen.findByTestId('run-status')).toHaveTextContent('completed');
  });
});

describe('old addresses of the tool call pages', () => {
  const toolCallApi = {
    ...base,
    'GET /api/tool-calls': empty,
    [`GET /api/tool-calls/${RUN_ID}`]: () => jsonResponse(aRun()),
    [`GET /api/tool-calls/${RUN_ID}/output`]: () => jsonResponse({ items: [], truncated: false, finished: true }),
    [`GET /api/tool-calls/${RUN_ID}/trail`]: () => jsonResponse({ items: [] }),
  };

  it.each([
    ['/runs', '/tool-calls', '', 'Tool calls'],
    ['/runs?status=failed&commandId=c1', '/tool-calls', '?status=failed&commandId=c1', 'Tool calls'],
    ['/approvals', '/tool-calls/approvals', '', 'Approvals'],
    ['/approvals?status=decided', '/tool-calls/approvals', '?status=decided', 'Approvals'],
  ])('%s lands on %s%s', async (old, pathname, search, title) => {
    const api = mockApi(toolCallApi);

    const router = renderApp(old);

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(pathname);
    expect(router.state.location.search).toBe(search);
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    expect(within(nav).getByRole('link', { name: new RegExp(`^${title}`) })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getAllByRole('link').filter((link) => link.getAttribute('aria-current') === 'page')).toHaveLength(1);
    if (search) {
      const read = pathname === '/tool-calls' ? '/api/tool-calls' : '/api/tool-calls/approvals';
      await waitFor(() => expect(api.callsTo('GET', read).some((call) => call.search.get('status') === new URLSearchParams(search).get('status'))).toBe(true));
    }
  });

  it('/runs/:id of no agent run lands on the tool call page', async () => {
    const api = mockApi({
      ...toolCallApi,
      [`GET /api/runs/${RUN_ID}`]: () => problemResponse({ status: 404, title: 'Run not found', code: 'RUN_NOT_FOUND' }),
    });

    const router = renderApp(`/runs/${RUN_ID}`);

    expect(await screen.findByTestId('run-status')).toHaveTextContent('completed');
    expect(router.state.location.pathname).toBe(`/tool-calls/${RUN_ID}`);
    // Agent runs took the address over: it is asked first.
    expect(api.callsTo('GET', `/api/runs/${RUN_ID}`)).toHaveLength(1);
    expect(within(screen.getByRole('navigation', { name: 'Areas' })).getByRole('link', { name: /^Tool calls/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('/runs/:id keeps the call a page passed along, shown while the read side has not answered yet', async () => {
    mockApi({
      ...toolCallApi,
      // The read side never answers here: what is shown can only come from the state the old address carried.
      [`GET /api/tool-calls/${RUN_ID}`]: () => new Promise<Response>(() => undefined),
      [`GET /api/tool-calls/${RUN_ID}/output`]: () => new Promise<Response>(() => undefined),
    });
    const router = createMemoryRouter(routes, {
      initialEntries: [{ pathname: `/runs/${RUN_ID}`, state: { toolCall: aRun({ status: 'running', exitCode: null }) } }],
    });
    render(
      <AppProvider queryClient={createTestQueryClient()}>
        <RouterProvider router={router} />
      </AppProvider>,
    );

    expect(await screen.findByTestId('run-status')).toHaveTextContent('running');
    expect(router.state.location.pathname).toBe(`/tool-calls/${RUN_ID}`);
  });
});
