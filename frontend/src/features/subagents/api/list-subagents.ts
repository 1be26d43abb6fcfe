import { pageQuery, type Page } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { Subagent } from '../types';
import { subagentKeys } from './subagent-keys';

export type SubagentFilters = { q?: string; page?: number; size?: number };

export const SUBAGENTS_PAGE_SIZE = 20;

export const buildSubagentsQuery = (filters: SubagentFilters): string =>
  pageQuery([['q', filters.q?.trim()]], filters.page, filters.size ?? SUBAGENTS_PAGE_SIZE);

/** `GET /api/subagents`. */
export const listSubagents = (filters: SubagentFilters, signal?: AbortSignal): Promise<Page<Subagent>> =>
  getPage(`/api/subagents?${buildSubagentsQuery(filters)}`, signal);

export const useSubagents = (filters: SubagentFilters) => usePageQuery(subagentKeys.list(filters), (signal) => listSubagents(filters, signal));
