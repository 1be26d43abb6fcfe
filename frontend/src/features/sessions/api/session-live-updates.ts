import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useDomainEvents, type DomainEvent } from '@/lib/event-stream';
import type { Page, SessionSummary } from '../types';
import { refreshSession } from './find-session';
import { sessionKeys } from './session-keys';

const LIST_REFRESH_DELAY_MS = 150;
const LIST_CATCH_UP_ATTEMPTS = 3;

export const isSessionEvent = (event: DomainEvent): boolean => event.type.startsWith('session.');

const hasObservers = (queryClient: QueryClient, id: string): boolean =>
  (queryClient.getQueryCache().find({ queryKey: sessionKeys.detail(id), exact: true })?.getObserversCount() ?? 0) > 0;

/** Ids whose row in a shown list is older than the event that changed it. */
const laggingRows = (queryClient: QueryClient, wanted: Map<string, number>): Map<string, number> => {
  const lagging = new Map<string, number>();
  for (const query of queryClient.getQueryCache().findAll({ queryKey: sessionKeys.lists(), type: 'active' })) {
    const page = query.state.data as Page<SessionSummary> | undefined;
    for (const row of page?.items ?? []) {
      const version = wanted.get(row.id);
      if (version !== undefined && row.version < version) lagging.set(row.id, version);
    }
  }
  return lagging;
};

/**
 * Keeps the session caches in step with the event stream. Events come straight from the event
 * store, ahead of the read model, so a shown session is fetched with `minVersion` of the event and
 * lists are refetched (coalesced) until their rows have caught up.
 */
export const useSessionLiveUpdates = (): void => {
  const queryClient = useQueryClient();
  const pending = useRef(new Map<string, number>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const scheduleListRefresh = useCallback(
    (delay: number, attempt: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        const wanted = new Map(pending.current);
        pending.current.clear();
        await queryClient.invalidateQueries({ queryKey: sessionKeys.lists() });
        const lagging = laggingRows(queryClient, wanted);
        if (lagging.size === 0 || attempt >= LIST_CATCH_UP_ATTEMPTS) return;
        for (const [id, version] of lagging) pending.current.set(id, Math.max(version, pending.current.get(id) ?? 0));
        scheduleListRefresh(LIST_REFRESH_DELAY_MS * 2 ** (attempt + 1), attempt + 1);
      }, delay);
    },
    [queryClient],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  useDomainEvents((event) => {
    if (!isSessionEvent(event)) return;
    const { aggregateId: id, aggregateVersion: version } = event;

    if (event.type === 'session.archived' || !hasObservers(queryClient, id)) {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(id), exact: true });
    } else {
      refreshSession(queryClient, id, version).catch(() => undefined);
    }
    const parentId = event.payload?.parentSessionId;
    if (event.type === 'session.forked' && typeof parentId === 'string') {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(parentId), exact: true });
    }

    pending.current.set(id, Math.max(version, pending.current.get(id) ?? 0));
    scheduleListRefresh(LIST_REFRESH_DELAY_MS, 0);
  });
};
