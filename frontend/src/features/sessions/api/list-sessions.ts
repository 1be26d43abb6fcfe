import { pageQuery, type ListFilter } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { Page, SessionMode, SessionSource, SessionStatus, SessionSummary } from '../types';
import { sessionKeys } from './session-keys';

export type SessionFilters = {
  status?: SessionStatus[];
  mode?: SessionMode;
  source?: SessionSource;
  q?: string;
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
];

export const buildSessionsQuery = (filters: SessionFilters): string =>
  pageQuery(sessionFilterList({ ...filters, q: filters.q?.trim() }), filters.page, filters.size ?? DEFAULT_PAGE_SIZE);

export const listSessions = (filters: SessionFilters, signal?: AbortSignal): Promise<Page<SessionSummary>> =>
  getPage(`/api/sessions?${buildSessionsQuery(filters)}`, signal);

export const useSessions = (filters: SessionFilters) => usePageQuery(sessionKeys.list(filters), (signal) => listSessions(filters, signal));
