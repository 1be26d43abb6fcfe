import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { usePageQuery } from '@/lib/page-query';
import type { ToolCallStatus, ToolCallSummary } from '../types';
import { toolCallKeys } from './tool-call-keys';

export type ToolCallFilters = {
  status?: ToolCallStatus;
  commandId?: string;
  sessionId?: string;
  /** Calls a hook of type command started for this call. */
  parentId?: string;
  page?: number;
  size?: number;
};

export const TOOL_CALLS_PAGE_SIZE = 20;

export const buildToolCallsQuery = (filters: ToolCallFilters): string => {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.commandId) params.set('commandId', filters.commandId);
  if (filters.sessionId) params.set('sessionId', filters.sessionId);
  if (filters.parentId) params.set('parentId', filters.parentId);
  if (filters.page) params.set('page', String(filters.page));
  params.set('size', String(filters.size ?? TOOL_CALLS_PAGE_SIZE));
  return params.toString();
};

/** `GET /api/tool-calls`: tool calls, newest first. */
export const listToolCalls = async (filters: ToolCallFilters, signal?: AbortSignal): Promise<Page<ToolCallSummary>> => {
  const { data } = await api.get<Page<ToolCallSummary>>(`/api/tool-calls?${buildToolCallsQuery(filters)}`, { signal });
  return data;
};

export const useToolCalls = (filters: ToolCallFilters) => usePageQuery(toolCallKeys.list(filters), (signal) => listToolCalls(filters, signal));
