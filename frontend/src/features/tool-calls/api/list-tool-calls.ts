import { pageQuery, type ListFilter, type Page } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
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

/** The filters by their parameter names, as the request and the page's URL carry them. */
export const toolCallFilterList = (filters: ToolCallFilters): ListFilter[] => [
  ['status', filters.status],
  ['commandId', filters.commandId],
  ['sessionId', filters.sessionId],
  ['parentId', filters.parentId],
];

export const buildToolCallsQuery = (filters: ToolCallFilters): string =>
  pageQuery(toolCallFilterList(filters), filters.page, filters.size ?? TOOL_CALLS_PAGE_SIZE);

/** `GET /api/tool-calls`: tool calls, newest first. */
export const listToolCalls = (filters: ToolCallFilters, signal?: AbortSignal): Promise<Page<ToolCallSummary>> =>
  getPage(`/api/tool-calls?${buildToolCallsQuery(filters)}`, signal);

export const useToolCalls = (filters: ToolCallFilters) => usePageQuery(toolCallKeys.list(filters), (signal) => listToolCalls(filters, signal));
