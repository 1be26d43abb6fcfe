import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { adminKeys } from './admin-keys';

const KEYS = [adminKeys.projections()];

/** Every event moves the head, so any event refreshes progress (coalesced into two refetches per burst). */
export const useProjectionLiveUpdates = (): void => useRefreshOnEvents({ matches: () => true, queryKeys: KEYS });
