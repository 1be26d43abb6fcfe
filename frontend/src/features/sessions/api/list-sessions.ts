import { pageQuery, type ListFilter } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { Page, SessionMode, SessionSource, SessionStatus, SessionSummary } from '../types';
import { sessionKeys } from './session-keys';

export type SessionFilters = {
  status?: SessionStatus[];
  mode?: SessionMode;
  source?: SessionSource;
  q?: string;
  /** `all`: this node's sessions and those other nodes forwarded (admins); a node id: that node's only. */
  node?: string;
  page?: number;
  size?: number;
};

export const DEFAULT_PAGE_SIZE = 20;

/** The query string of `GET /api/sessions`; empty filters are left out, `status` repeats. */
/** The filters by their parameter names, as the request and the page's URL carry them; `status` repeats. */
export const sessionFilterList = (filters: SessionFilters): ListFilter[] => [
  ['status', filters.status],
  ['mode', filters.mode],
  ['source', filters.source],
  ['q', filters.q],
  ['includeForwarded', filters.node === ALL_NODES ? 'true' : undefined],
  ['sourceNodeId', filters.node && filters.node !== ALL_NODES ? filters.node : undefined],
];

/** The `node` filter's value for every node's sessions. */
export const ALL_NODES = 'all';

/** A forwarded row's own page (read-only), or undefined for a local session. */
export const remoteSessionPath = (session: { id: string; sourceNodeId?: string }): string | undefined =>
  session.sourceNodeId && session.sourceNodeId !== 'local'
    ? `/nodes/${encodeURIComponent(session.sourceNodeId)}/sessions/${encodeURIComponent(session.id)}`
    : undefined;

export const buildSessionsQuery = (filters: SessionFilters): string =>
  pageQuery(sessionFilterList({ ...filters, q: filters.q?.trim() }), filters.page, filters.size ?? DEFAULT_PAGE_SIZE);

export const listSessions = (filters: SessionFilters, signal?: AbortSignal): Promise<Page<SessionSummary>> =>
  getPage(`/api/sessions?${buildSessionsQuery(filters)}`, signal);

export const useSessions = (filters: SessionFilters) => usePageQuery(sessionKeys.list(filters), (signal) => listSessions(filters, signal));
