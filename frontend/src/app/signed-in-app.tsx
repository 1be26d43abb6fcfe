import { useEffect, useRef } from 'react';
import { useReloadAuthState } from '@/features/auth/api/get-auth-state';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { useEventStreamStatus } from '@/lib/event-stream';
import { LiveEvents } from './live-events';
import { Shell } from './shell';

/**
 * An EventSource cannot report a 401, so when the stream drops, ask the node whether the session is
 * still there; `RequireAuth` takes over if it is not.
 */
const SessionWatch = () => {
  const status = useEventStreamStatus();
  const reloadAuthState = useReloadAuthState();
  const previous = useRef(status);
  useEffect(() => {
    if (status === 'reconnecting' && previous.current !== 'reconnecting') reloadAuthState().catch(() => undefined);
    previous.current = status;
  }, [status, reloadAuthState]);
  return null;
};

/** Everything behind sign-in: the shell with its live event stream. */
export const SignedInApp = () => (
  <RequireAuth>
    <LiveEvents>
      <SessionWatch />
      <Shell />
    </LiveEvents>
  </RequireAuth>
);
