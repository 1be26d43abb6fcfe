import { useState } from 'react';
import { Badge } from '@/components/badge';
import { DataTable } from '@/components/data-table';
import { Paged, type PagedLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { errorMessage } from '@/lib/api-client';
import { isLastAdmin, useChangeUserRole } from '../api/change-user-role';
import { useUsers } from '../api/list-users';
import type { AdminUser } from '../types';

const LIST_LABELS: PagedLabels = { loading: 'Loading users…', failed: 'Could not load users', counted: ['user', 'users'] };

type UserRowProps = { user: AdminUser; isYou: boolean; onOwnRolesChanged?: () => void };

const UserRow = ({ user, isYou, onOwnRolesChanged }: UserRowProps) => {
  const changeRole = useChangeUserRole();
  const admin = user.roles.includes('admin');

  const toggle = () => {
    if (admin && isYou && !window.confirm('Revoke your own admin role? You lose access to this page at once.')) return;
    changeRole.mutate(
      { id: user.id, role: 'admin', granted: !admin },
      { onSuccess: () => (isYou ? onOwnRolesChanged?.() : undefined) },
    );
  };

  return (
    <tr data-testid="admin-user-row" data-user-id={user.id}>
      <th scope="row">
        {user.email}
        {isYou && <span className="table__fork-note">you</span>}
      </th>
      <td>{user.displayName || <span className="muted">—</span>}</td>
      <td>
        <span className="badges" data-testid="admin-user-roles">
          {user.roles.map((role) => (
            <Badge key={role} tone={role === 'admin' ? 'accent' : 'muted'}>
              {role}
            </Badge>
          ))}
        </span>
      </td>
      <td>{user.emailVerified ? 'yes' : <span className="muted">no</span>}</td>
      <td>
        <RelativeTime value={user.createdAt} />
      </td>
      <td className="table__actions">
        <button
          type="button"
          className={admin ? 'button button--danger-ghost' : 'button'}
          disabled={changeRole.isPending}
          onClick={toggle}
          data-testid="admin-role-toggle"
        >
          {changeRole.isPending ? 'Saving…' : admin ? 'Revoke admin' : 'Make admin'}
        </button>
        {changeRole.isError && (
          <span role="alert" className="field__error" data-testid="admin-role-error">
            {isLastAdmin(changeRole.error)
              ? `${user.email} is the last admin; make someone else admin first.`
              : errorMessage(changeRole.error)}
          </span>
        )}
      </td>
    </tr>
  );
};

export type UsersTableProps = { currentUserId: string; onOwnRolesChanged?: () => void };

/** Everyone with an account on this node, with the admin role to grant or revoke. */
export const UsersTable = ({ currentUserId, onOwnRolesChanged }: UsersTableProps) => {
  const [page, setPage] = useState(0);
  const users = useUsers(page);
  return (
    <Paged query={users} {...LIST_LABELS} onPageChange={setPage} alwaysPaginate>
      {(data) => (
        <DataTable
          testId="admin-users-table"
          caption="Users"
          columns={['Email', 'Name', 'Roles', 'Verified', 'Joined', { label: 'Actions', hidden: true }]}
          rows={data.items}
          empty="No users yet."
          busy={users.isFetching}
        >
          {(user) => (
            <UserRow key={user.id} user={user} isYou={user.id === currentUserId} onOwnRolesChanged={onOwnRolesChanged} />
          )}
        </DataTable>
      )}
    </Paged>
  );
};
