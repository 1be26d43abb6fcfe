import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isCommandEvent } from '../types';
import { commandKeys } from './command-keys';

const KEYS = [commandKeys.lists(), commandKeys.details(), [...commandKeys.all, 'runs']];

/** Command changes, and runs ending (run count, last status), refresh what the commands pages show. */
export const useCommandLiveUpdates = (): void =>
  useRefreshOnEvents({
    matches: (event) =>
      isCommandEvent(event.type) ||
      ['toolcall.requested', 'toolcall.completed', 'toolcall.failed', 'toolcall.timed-out', 'toolcall.cancelled', 'toolcall.denied', 'toolcall.blocked', 'toolcall.run-started'].includes(event.type),
    queryKeys: KEYS,
  });
