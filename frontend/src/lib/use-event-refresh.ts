import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useDomainEvents, type DomainEvent } from './event-stream';

/** First refetch soon after an event; a second one once a burst settled, for a read model that lagged. */
export const EVENT_REFRESH_DELAYS_MS = [150, 1_200] as const;

export type EventRefreshOptions = {
  /** Which events make the queries stale. */
  matches: (event: DomainEvent) => boolean;
  /** Query keys (prefixes) to refetch. */
  queryKeys: readonly QueryKey[];
  delaysMs?: readonly [number, number];
};

const invalidateAll = (queryClient: QueryClient, keys: readonly QueryKey[]) => {
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
};

/**
 * Refetches queries when matching domain events arrive. Events come straight from the event store,
 * ahead of the read model, so a burst is coalesced into one early refetch plus one after it settles.
 */
export const useRefreshOnEvents = ({ matches, queryKeys, delaysMs = EVENT_REFRESH_DELAYS_MS }: EventRefreshOptions): void => {
  const queryClient = useQueryClient();
  const leading = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const trailing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keys = useRef(queryKeys);
  useEffect(() => {
    keys.current = queryKeys;
  }, [queryKeys]);
  useEffect(
    () => () => {
      clearTimeout(leading.current);
      clearTimeout(trailing.current);
      // A remount (StrictMode, a route coming back) must be able to schedule again.
      leading.current = undefined;
      trailing.current = undefined;
    },
    [],
  );
  useDomainEvents((event) => {
    if (!matches(event)) return;
    if (leading.current === undefined) {
      leading.current = setTimeout(() => {
        leading.current = undefined;
        invalidateAll(queryClient, keys.current);
      }, delaysMs[0]);
    }
    clearTimeout(trailing.current);
    trailing.current = setTimeout(() => invalidateAll(queryClient, keys.current), delaysMs[1]);
  });
};

/** After a write whose answer carries no version to wait for: refetch now, and once more a little later. */
export const refreshNowAndSoon = (queryClient: QueryClient, queryKey: QueryKey, laterMs = 600): Promise<void> => {
  setTimeout(() => void queryClient.invalidateQueries({ queryKey }), laterMs);
  return queryClient.invalidateQueries({ queryKey });
};
