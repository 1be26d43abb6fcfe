import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { ToolCallStatus, ToolCallSummary } from '../types';
import { executionKeys } from './execution-keys';

export type ExecutionFilters = {
  status?: ToolCallStatus;
  commandId?: string;
  sessionId?: string;
  /** Calls a hook of type command started for this call. */
  parentId?: string;
  page?: number;
  size?: number;
};

export const RUNS_PAGE_SIZE = 20;

export const buildExecutionsQuery = (filters: ExecutionFilters): string => {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.commandId) params.set('commandId', filters.commandId);
  if (filters.sessionId) params.set('sessionId', filters.sessionId);
  if (filters.parentId) params.set('parentId', filters.parentId);
  if (filters.page) params.set('page', String(filters.page));
  params.set('size', String(filters.size ?? RUNS_PAGE_SIZE));
  return params.toString();
};

/** `GET /api/executions`: tool calls, newest first. */
export const listExecutions = async (filters: ExecutionFilters, signal?: AbortSignal): Promise<Page<ToolCallSummary>> => {
  const { data } = await api.get<Page<ToolCallSummary>>(`/api/executions?${buildExecutionsQuery(filters)}`, { signal });
  return data;
};

export const useExecutions = (filters: ExecutionFilters) =>
  useQuery({
    queryKey: executionKeys.list(filters),
    queryFn: ({ signal }) => listExecutions(filters, signal),
    placeholderData: keepPreviousData,
  });
