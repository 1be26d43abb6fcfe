import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isSubagentEvent } from '../types';
import { subagentKeys } from './subagent-keys';

const KEYS = [subagentKeys.lists(), subagentKeys.details()];

/** `subagent.*` events refresh the subagent pages. */
export const useSubagentLiveUpdates = (): void => useRefreshOnEvents({ matches: (event) => isSubagentEvent(event.type), queryKeys: KEYS });
