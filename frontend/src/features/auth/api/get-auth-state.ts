import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api-client';
import type { AuthState, Me } from '../types';
import { authKeys } from './auth-keys';

/** `GET /api/auth/state`, public; it also (re)sets the `XSRF-TOKEN` cookie every write echoes. */
export const getAuthState = async (signal?: AbortSignal): Promise<AuthState> => {
  const { data } = await api.get<AuthState>('/api/auth/state', { signal });
  return data;
};

/** Why the app stopped showing a signed-in user: a deliberate sign-out, or a session that ended under it. */
export type SignOutReason = 'sign-out' | 'session-ended';

/** The node's state, plus (client side only) why a user was just signed out. */
export type AuthStateView = AuthState & { signedOutBy?: SignOutReason };

const authStateQuery = {
  queryKey: authKeys.state(),
  queryFn: ({ signal }: { signal: AbortSignal }): Promise<AuthStateView> => getAuthState(signal),
  // Changes only through sign-in and sign-out, which refresh it explicitly, or a 401 (see markSignedOut).
  staleTime: Infinity,
  refetchOnWindowFocus: false,
} as const;

export const useAuthState = () => useQuery(authStateQuery);

/** The signed-in user; only meaningful below `RequireAuth`. */
export const useCurrentUser = (): Me | null => useAuthState().data?.user ?? null;

/** Loads the state again from the node (after a sign-in: the user, and the CSRF cookie rotated with the session). */
export const reloadAuthState = (queryClient: QueryClient): Promise<AuthStateView> =>
  queryClient.fetchQuery({ ...authStateQuery, staleTime: 0 });

/**
 * Forgets the signed-in user and every cached answer that belonged to them; `RequireAuth` then leads
 * to the login page. The state is not fetched again here, so a node that keeps answering 401 cannot
 * bounce the app back and forth.
 */
export const markSignedOut = (queryClient: QueryClient, signedOutBy: SignOutReason = 'session-ended'): void => {
  const previous = queryClient.getQueryData<AuthStateView>(authKeys.state());
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  if (previous) {
    queryClient.setQueryData<AuthStateView>(authKeys.state(), { ...previous, authenticated: false, user: null, signedOutBy });
  } else {
    void queryClient.invalidateQueries({ queryKey: authKeys.state() });
  }
};

/** Thrown when the node accepted a sign-in but the browser came back without a session. */
export class SessionNotKeptError extends Error {
  constructor() {
    super(
      'The node accepted the sign-in, but this browser did not keep the session cookie. On an address other than localhost the node must be reached over HTTPS — see docs/reverse-proxy.md.',
    );
    this.name = 'SessionNotKeptError';
  }
}

/** After a sign-in: the state as the node now sees it, which must be signed in. */
export const reloadSignedInState = async (queryClient: QueryClient): Promise<AuthStateView> => {
  const state = await reloadAuthState(queryClient);
  if (!state.authenticated || !state.user) throw new SessionNotKeptError();
  return state;
};

export const useReloadAuthState = () => {
  const queryClient = useQueryClient();
  return useCallback(() => reloadAuthState(queryClient), [queryClient]);
};

/**
 * After a deliberate sign-out (this browser or everywhere): forget the user; `RequireAuth` leads to
 * `/login`, which loads the state again (and with it the fresh CSRF cookie it needs).
 */
export const useLeaveAfterSignOut = () => {
  const queryClient = useQueryClient();
  return useCallback(() => markSignedOut(queryClient, 'sign-out'), [queryClient]);
};
