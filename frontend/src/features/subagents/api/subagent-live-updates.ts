import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isPolicyEvent, isSubagentEvent } from '../types';
import { subagentKeys } from './subagent-keys';

const KEYS = [subagentKeys.lists(), subagentKeys.details()];
const POLICY_KEYS = [subagentKeys.policyChoices()];

/** `subagent.*` events refresh the subagent pages; `permission.policy-*` events the policy picker. */
export const useSubagentLiveUpdates = (): void => {
  useRefreshOnEvents({ matches: (event) => isSubagentEvent(event.type), queryKeys: KEYS });
  useRefreshOnEvents({ matches: (event) => isPolicyEvent(event.type), queryKeys: POLICY_KEYS });
};
