import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isToolCallEvent, OUTPUT_RECORDED } from '../types';
import { toolCallKeys } from './tool-call-keys';

const LIST_KEYS = [toolCallKeys.lists()];

/** Refetches shown run lists when a tool call changes (output alone changes no row). */
export const useToolCallsLiveUpdates = (): void =>
  useRefreshOnEvents({
    matches: (event) => isToolCallEvent(event.type) && event.type !== OUTPUT_RECORDED,
    queryKeys: LIST_KEYS,
  });
