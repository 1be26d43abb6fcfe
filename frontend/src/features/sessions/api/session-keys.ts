import { recordKeys } from '@/lib/query-keys';
import type { SessionFilters } from './list-sessions';

/** Query keys of the sessions feature; lists and details are invalidated separately. */
export const sessionKeys = recordKeys<SessionFilters>('sessions');
