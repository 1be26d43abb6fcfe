import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isPermissionEvent } from '../types';
import { permissionKeys } from './permission-keys';

const KEYS = [permissionKeys.rules(), permissionKeys.policyLists()];

/** Rules and policies changed anywhere (another tab, an import, the API) show up at once. */
export const usePermissionLiveUpdates = (): void =>
  useRefreshOnEvents({ matches: (event) => isPermissionEvent(event.type), queryKeys: KEYS });
