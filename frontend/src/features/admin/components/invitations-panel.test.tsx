import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { InvitationsPanel } from './invitations-panel';

describe('InvitationsPanel', () => {
  it('invites an address, lists it, and removes it', async () => {
    let invitations = [{ email: 'old@example.com', invitedBy: 'ada@example.com', invitedAt: '2026-11-01T10:00:00Z' }];
    const api = mockApi({
      'GET /api/admin/invitations': () => jsonResponse(aPage(invitations)),
      'POST /api/admin/invitations': ({ body }) => {
        const invitation = { email: (body as { email: string }).email, invitedBy: 'ada@example.com', invitedAt: '2026-11-24T10:00:00Z' };
        invitations = [...invitations, invitation];
        return jsonResponse(invitation, { status: 201 });
      },
      'DELETE /api/admin/invitations/old%40example.com': () => {
        invitations = invitations.filter((i) => i.email !== 'old@example.com');
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<InvitationsPanel />);

    expect(await screen.findByTestId('invitation-item')).toHaveTextContent('old@example.com');
    await user.type(screen.getByTestId('invite-email'), 'new@example.com');
    await user.click(screen.getByTestId('invite-submit'));

    await waitFor(() => expect(screen.getAllByTestId('invitation-item')).toHaveLength(2));
    expect(api.callsTo('POST', '/api/admin/invitations')[0].body).toEqual({ email: 'new@example.com' });
    expect(screen.getByTestId('invite-email')).toHaveValue('');

    await user.click(within(screen.getAllByTestId('invitation-item')[0]).getByTestId('invitation-remove'));

    await waitFor(() => expect(screen.getAllByTestId('invitation-item')).toHaveLength(1));
    expect(screen.getByTestId('invitation-item')).toHaveTextContent('new@example.com');
  });
});
