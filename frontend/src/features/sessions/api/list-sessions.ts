import { api } from '@/lib/api-client';
import { usePageQuery } from '@/lib/page-query';
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
export const buildSessionsQuery = (filters: SessionFilters): string => {
  const params = new URLSearchParams();
  for (const status of filters.status ?? []) params.append('status', status);
  if (filters.mode) params.set('mode', filters.mode);
  if (filters.source) params.set('source', filters.source);
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  if (filters.page) params.set('page', String(filters.page));
  params.set('size', String(filters.size ?? DEFAULT_PAGE_SIZE));
  return params.toString();
};

export const listSessions = async (filters: SessionFilters, signal?: AbortSignal): Promise<Page<SessionSummary>> => {
  const { data } = await api.get<Page<SessionSummary>>(`/api/sessions?${buildSessionsQuery(filters)}`, { signal });
  return data;
};

export const useSessions = (filters: SessionFilters) => usePageQuery(sessionKeys.list(filters), (signal) => listSessions(filters, signal));
