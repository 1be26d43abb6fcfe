import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isHookEvent } from '../types';
import { hookKeys } from './hook-keys';

const KEYS = [hookKeys.lists(), hookKeys.details(), hookKeys.deliveryLists()];

/** `hook.*` events (a delivery attempted, retried, dead-lettered; a hook changed) refresh the hook pages. */
export const useHookLiveUpdates = (): void => useRefreshOnEvents({ matches: (event) => isHookEvent(event.type), queryKeys: KEYS });
