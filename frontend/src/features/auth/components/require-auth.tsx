import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '@/components/alert';
import { Spinner } from '@/components/spinner';
import { errorMessage, onUnauthenticated } from '@/lib/api-client';
import { markSignedOut, useAuthState } from '../api/get-auth-state';
import { loginPath } from '../return-to';
import { isAdmin } from '../types';

/** The state the login page reads to explain why it is shown. */
export type LoginRedirectState = { sessionEnded?: boolean };

/**
 * Renders its children only for a signed-in user. Everyone else goes to `/login?next=<this page>`,
 * and so does a user whose session ends: any request answering 401 UNAUTHENTICATED signs the app out.
 */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const queryClient = useQueryClient();
  const location = useLocation();
  const auth = useAuthState();
  const signedIn = Boolean(auth.data?.authenticated && auth.data.user);
  // Whether this page was shown to a signed-in user, so losing the session now means it ended.
  const wasSignedIn = useRef(false);

  useEffect(() => onUnauthenticated(() => markSignedOut(queryClient)), [queryClient]);
  useEffect(() => {
    if (signedIn) wasSignedIn.current = true;
  }, [signedIn]);

  if (auth.isPending) {
    return (
      <div className="auth-loading">
        <Spinner label="Connecting to OrchWiz…" />
      </div>
    );
  }
  if (!auth.data) {
    return (
      <div className="empty-page">
        <Alert title="OrchWiz cannot be reached">
          <p>{errorMessage(auth.error)}</p>
        </Alert>
        <button type="button" className="button" onClick={() => void auth.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!signedIn) {
    if (auth.data.signedOutBy === 'sign-out') return <Navigate to="/login" replace />;
    const here = `${location.pathname}${location.search}${location.hash}`;
    const state: LoginRedirectState = { sessionEnded: auth.data.signedOutBy === 'session-ended' || wasSignedIn.current };
    return <Navigate to={loginPath(here)} replace state={state} />;
  }
  return <>{children}</>;
};

/** Admin-only pages: anyone else sees `fallback` (a not-found page, as the API answers 404). */
export const RequireAdmin = ({ children, fallback }: { children: ReactNode; fallback: ReactNode }) => {
  const { data } = useAuthState();
  return <>{isAdmin(data?.user) ? children : fallback}</>;
};
