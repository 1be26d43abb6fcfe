import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { AdminUser } from '../types';
import { UsersTable } from './users-table';

const aUser = (overrides: Partial<AdminUser> = {}): AdminUser => ({
  id: 'u1',
  email: 'ada@example.com',
  displayName: 'Ada',
  roles: ['admin', 'member'],
  emailVerified: true,
  createdAt: '2026-11-01T10:00:00Z',
  ...overrides,
});

describe('UsersTable', () => {
  it('lists users with email, name, roles, verification, paginated', async () => {
    const api = mockApi({
      'GET /api/admin/users': () =>
        jsonResponse(
          aPage([aUser(), aUser({ id: 'u2', email: 'bob@example.com', displayName: null, roles: ['member'], emailVerified: false })], {
            totalItems: 41,
            totalPages: 3,
          }),
        ),
    });
    const { user } = renderWithProviders(<UsersTable currentUserId="u1" />);

    const rows = await screen.findAllByTestId('admin-user-row');
    expect(rows).toHaveLength(2);
    expect(within(screen.getByTestId('admin-users-table')).getAllByTestId('admin-user-row')).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('ada@example.com');
    expect(rows[0]).toHaveTextContent('you');
    expect(within(rows[0]).getByTestId('admin-user-roles')).toHaveTextContent('adminmember');
    expect(within(rows[1]).getByTestId('admin-role-toggle')).toHaveTextContent('Make admin');
    expect(rows[1]).toHaveTextContent('no');

    await user.click(screen.getByRole('button', { name: /next/i }));

    await waitFor(() => expect(api.callsTo('GET', '/api/admin/users').at(-1)?.url).toBe('/api/admin/users?page=1&size=20'));
  });

  it('grants admin and shows the new roles', async () => {
    let roles = ['member'];
    const api = mockApi({
      'GET /api/admin/users': () => jsonResponse(aPage([aUser({ id: 'u2', email: 'bob@example.com', roles })])),
      'POST /api/admin/users/u2/roles': () => {
        roles = ['admin', 'member'];
        return jsonResponse(aUser({ id: 'u2', email: 'bob@example.com', roles }));
      },
    });
    const { user } = renderWithProviders(<UsersTable currentUserId="u1" />);

    await user.click(await screen.findByTestId('admin-role-toggle'));

    await waitFor(() => expect(screen.getByTestId('admin-role-toggle')).toHaveTextContent('Revoke admin'));
    expect(api.callsTo('POST', '/api/admin/users/u2/roles')[0].body).toEqual({ role: 'admin', granted: true });
  });

  it('explains that the last admin cannot lose the role', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const onOwnRolesChanged = vi.fn();
    const api = mockApi({
      'GET /api/admin/users': () => jsonResponse(aPage([aUser()])),
      'POST /api/admin/users/u1/roles': () => problemResponse({ status: 409, code: 'LAST_ADMIN', title: 'Conflict' }),
    });
    const { user } = renderWithProviders(<UsersTable currentUserId="u1" onOwnRolesChanged={onOwnRolesChanged} />);

    await user.click(await screen.findByTestId('admin-role-toggle'));

    expect(await screen.findByTestId('admin-role-error')).toHaveTextContent(
      'ada@example.com is the last admin; make someone else admin first.',
    );
    expect(api.callsTo('POST', '/api/admin/users/u1/roles')[0].body).toEqual({ role: 'admin', granted: false });
    expect(onOwnRolesChanged).not.toHaveBeenCalled();
  });
});
