import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { changesApprovals } from '../types';
import { approvalKeys } from './tool-call-keys';

const KEYS = [approvalKeys.all];

/** Refetches the inbox and the pending count when a tool call asks, is decided or expires. */
export const useApprovalLiveUpdates = (): void =>
  useRefreshOnEvents({ matches: (event) => changesApprovals(event.type), queryKeys: KEYS });
