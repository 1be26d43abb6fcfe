import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { Subagent } from '../types';
import { subagentKeys } from './subagent-keys';

export type SubagentFilters = { q?: string; page?: number; size?: number };

export const SUBAGENTS_PAGE_SIZE = 20;

export const buildSubagentsQuery = (filters: SubagentFilters): string => {
  const params = new URLSearchParams();
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  if (filters.page) params.set('page', String(filters.page));
  params.set('size', String(filters.size ?? SUBAGENTS_PAGE_SIZE));
  return params.toString();
};

/** `GET /api/subagents`. */
export const listSubagents = async (filters: SubagentFilters, signal?: AbortSignal): Promise<Page<Subagent>> => {
  const { data } = await api.get<Page<Subagent>>(`/api/subagents?${buildSubagentsQuery(filters)}`, { signal });
  return data;
};

export const useSubagents = (filters: SubagentFilters) =>
  useQuery({ queryKey: subagentKeys.list(filters), queryFn: ({ signal }) => listSubagents(filters, signal), placeholderData: keepPreviousData });
