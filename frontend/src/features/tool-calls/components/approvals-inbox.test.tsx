import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventStreamProvider } from '@/lib/event-stream';
import { anApproval, RUN_ID } from '@/testing/control-plane-fixtures';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { Approval } from '../types';
import { ApprovalsInbox } from './approvals-inbox';
import { PendingApprovalsBadge } from './pending-approvals-badge';

const OTHER = 'r0000000-0000-4000-8000-000000000002';

/** The inbox as the app shows it: the navigation badge keeps every approvals query live. */
const renderInbox = (route = '/tool-calls/approvals') =>
  renderWithProviders(
    <EventStreamProvider eventTypes={['toolcall.approval-requested', 'toolcall.approved', 'toolcall.output-recorded']}>
      <PendingApprovalsBadge />
      <ApprovalsInbox />
    </EventStreamProvider>,
    { route },
  );

const approvalsApi = (pending: () => Approval[], extra = {}) =>
  mockApi({
    'GET /api/tool-calls/approvals': ({ search }) => {
      const items = search.get('status') === 'decided' ? [anApproval({ toolCallId: OTHER, status: 'approved', decidedByUser: 'user-bob', decidedByEmail: 'bob@example.com', comment: 'fine' })] : pending();
      const size = Number(search.get('size') ?? 20);
      return jsonResponse(aPage(items.slice(0, size), { size, totalItems: items.length, totalPages: Math.ceil(items.length / size) }));
    },
    ...extra,
  });

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('ApprovalsInbox', () => {
  it('shows what waits: tool, command text, session, the asking rule, when it was asked and its countdown', async () => {
    const api = approvalsApi(() => [anApproval()]);

    renderInbox();

    const item = await screen.findByTestId(`approval-item-${RUN_ID}`);
    expect(item).toHaveTextContent('Bash');
    expect(item).toHaveTextContent('/push');
    expect(within(item).getByTestId(`approval-summary-${RUN_ID}`)).toHaveTextContent('git push origin main');
    expect(within(item).getByTestId(`approval-rule-${RUN_ID}`)).toHaveTextContent('Bash(git push:*) · user');
    expect(within(item).getByRole('link', { name: 'session-' })).toHaveAttribute('href', '/sessions/session-1');
    expect(item).toHaveTextContent('asked 1 minute ago');
    expect(within(item).getByTestId(`approval-expires-${RUN_ID}`)).toHaveTextContent(/^in 1[34]:\d\d$/);
    expect(within(item).getByTestId(`approval-run-${RUN_ID}`)).toHaveAttribute('href', `/tool-calls/${RUN_ID}`);
    expect(api.callsTo('GET', '/api/tool-calls/approvals').map((c) => c.search.toString())).toContain('status=pending&size=20');
  });

  it('approves in one click with the input hash, and the item leaves the inbox', async () => {
    let pending = [anApproval(), anApproval({ toolCallId: OTHER, summary: 'rm -rf build' })];
    const api = approvalsApi(() => pending, {
      [`POST /api/tool-calls/${RUN_ID}/decision`]: () => {
        pending = pending.filter((a) => a.toolCallId !== RUN_ID);
        return jsonResponse({ id: RUN_ID, status: 'approved' });
      },
    });
    const { user } = renderInbox();
    expect(await screen.findByTestId('nav-approvals-badge')).toHaveTextContent(/^2$/);

    await user.click(await screen.findByTestId(`approval-approve-${RUN_ID}`));

    await waitFor(() => expect(screen.queryByTestId(`approval-item-${RUN_ID}`)).not.toBeInTheDocument());
    expect(api.callsTo('POST', `/api/tool-calls/${RUN_ID}/decision`)[0].body).toEqual({ decision: 'approve', inputHash: 'hash-abc' });
    expect(screen.getByTestId('approval-notice')).toHaveTextContent('Approved /push: git push origin main.');
    expect(screen.getByTestId(`approval-item-${OTHER}`)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('nav-approvals-badge')).toHaveTextContent(/^1$/));
  });

  it('denies with the optional comment', async () => {
    const api = approvalsApi(() => [anApproval()], {
      [`POST /api/tool-calls/${RUN_ID}/decision`]: () => jsonResponse({ id: RUN_ID, status: 'denied' }),
    });
    const { user } = renderInbox();

    await user.type(await screen.findByTestId(`approval-comment-${RUN_ID}`), 'not on main');
    await user.click(screen.getByTestId(`approval-deny-${RUN_ID}`));

    await waitFor(() => expect(api.callsTo('POST', `/api/tool-calls/${RUN_ID}/decision`)).toHaveLength(1));
    expect(api.callsTo('POST', `/api/tool-calls/${RUN_ID}/decision`)[0].body).toEqual({ decision: 'deny', inputHash: 'hash-abc', comment: 'not on main' });
  });

  it('explains a changed input and refreshes the inbox', async () => {
    let hash = 'hash-abc';
    const api = approvalsApi(() => [anApproval({ inputHash: hash })], {
      [`POST /api/tool-calls/${RUN_ID}/decision`]: () => {
        hash = 'hash-new';
        return problemResponse({ status: 409, code: 'APPROVAL_INPUT_CHANGED', title: 'Conflict', detail: 'The input changed.' });
      },
    });
    const { user } = renderInbox();
    const before = () => api.callsTo('GET', '/api/tool-calls/approvals').filter((c) => c.search.get('size') === '20').length;
    await screen.findByTestId(`approval-item-${RUN_ID}`);
    const reads = before();

    await user.click(screen.getByTestId(`approval-approve-${RUN_ID}`));

    expect(await screen.findByTestId('approval-notice')).toHaveTextContent(/input of \/push changed after it was shown.*decide again/);
    await waitFor(() => expect(before()).toBeGreaterThan(reads));
    await user.click(screen.getByTestId(`approval-approve-${RUN_ID}`));
    await waitFor(() => expect(api.callsTo('POST', `/api/tool-calls/${RUN_ID}/decision`)).toHaveLength(2));
    expect(api.callsTo('POST', `/api/tool-calls/${RUN_ID}/decision`)[1].body).toMatchObject({ inputHash: 'hash-new' });
  });

  it('explains a call someone else already decided', async () => {
    let pending = [anApproval()];
    approvalsApi(() => pending, {
      [`POST /api/tool-calls/${RUN_ID}/decision`]: () => {
        pending = [];
        return problemResponse({ status: 409, code: 'APPROVAL_ALREADY_DECIDED', title: 'Conflict' });
      },
    });
    const { user } = renderInbox();

    await user.click(await screen.findByTestId(`approval-deny-${RUN_ID}`));

    expect(await screen.findByTestId('approval-notice')).toHaveTextContent('/push was already decided');
    await waitFor(() => expect(screen.getByTestId('approvals-empty')).toBeInTheDocument());
  });

  it('refreshes at once when a call asks, but not for output', async () => {
    let pending: Approval[] = [];
    const api = approvalsApi(() => pending);
    renderInbox();
    await screen.findByTestId('approvals-empty');
    expect(screen.getByTestId('nav-approvals-badge')).toHaveTextContent(/^0$/);
    const reads = api.callsTo('GET', '/api/tool-calls/approvals').length;

    act(() =>
      FakeEventSource.latest().emit('toolcall.output-recorded', aDomainEvent({ type: 'toolcall.output-recorded', aggregateId: 'x' }), '10'),
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(api.callsTo('GET', '/api/tool-calls/approvals').length).toBe(reads);

    pending = [anApproval()];
    act(() =>
      FakeEventSource.latest().emit('toolcall.approval-requested', aDomainEvent({ type: 'toolcall.approval-requested', aggregateId: RUN_ID }), '11'),
    );

    expect(await screen.findByTestId(`approval-item-${RUN_ID}`)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('nav-approvals-badge')).toHaveTextContent(/^1$/));
  });

  it('shows the decided ones in their own tab, without buttons', async () => {
    approvalsApi(() => [anApproval()]);
    const { user } = renderInbox();
    await screen.findByTestId(`approval-item-${RUN_ID}`);

    await user.click(screen.getByTestId('approvals-tab-decided'));

    const decided = await screen.findByTestId(`approval-item-${OTHER}`);
    expect(decided).toHaveTextContent('approved');
    expect(decided).toHaveTextContent('bob@example.com');
    expect(decided).toHaveTextContent('fine');
    expect(within(decided).queryByTestId(`approval-approve-${OTHER}`)).not.toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/tool-calls/approvals?status=decided');
    expect(screen.getByTestId('approvals-tab-decided')).toHaveAttribute('aria-selected', 'true');
  });

  it('shows the problem detail when the inbox cannot load', async () => {
    mockApi({ 'GET /api/tool-calls/approvals': () => problemResponse({ status: 503, title: 'Unavailable', detail: 'Try again in a moment.' }) });

    renderInbox();

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in a moment.');
    expect(screen.queryByTestId('nav-approvals-badge')).not.toBeInTheDocument();
  });
});
