import { NavLink } from 'react-router';
import { Badge } from '@/components/badge';
import { errorMessage } from '@/lib/api-client';
import { useCurrentUser, useLeaveAfterSignOut } from '../api/get-auth-state';
import { useSignOut } from '../api/sign-out';
import { isAdmin } from '../types';

/** Who is signed in, where their settings live, and the way out. */
export const UserMenu = () => {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const leave = useLeaveAfterSignOut();
  if (!user) return null;
  const admin = isAdmin(user);
  const name = user.displayName?.trim();

  return (
    <div className="user-menu" data-testid="user-menu">
      <div className="user-menu__who">
        {name && name !== user.email && <span className="user-menu__name">{name}</span>}
        <span className="user-menu__email" data-testid="user-menu-email">
          {user.email}
        </span>
      </div>
      <Badge tone={admin ? 'accent' : 'muted'} data-testid="user-menu-role">
        {admin ? 'admin' : 'member'}
      </Badge>
      <nav className="user-menu__links" aria-label="Account">
        <NavLink to="/settings" className="user-menu__link" data-testid="user-menu-settings">
          Settings
        </NavLink>
        {admin && (
          <NavLink to="/admin/users" className="user-menu__link" data-testid="user-menu-admin">
            Admin
          </NavLink>
        )}
      </nav>
      <button
        type="button"
        className="button button--ghost user-menu__sign-out"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: leave })}
        title={signOut.isError ? `Sign-out failed: ${errorMessage(signOut.error)}` : undefined}
        data-testid="sign-out"
      >
        {signOut.isPending ? 'Signing out…' : signOut.isError ? 'Sign out (retry)' : 'Sign out'}
      </button>
      {signOut.isError && (
        <span role="alert" className="visually-hidden">
          Sign-out failed: {errorMessage(signOut.error)}
        </span>
      )}
    </div>
  );
};
