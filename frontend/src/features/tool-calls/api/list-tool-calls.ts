import { pageQuery, type Page } from '@/lib/page';
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

export const buildToolCallsQuery = (filters: ToolCallFilters): string =>
  pageQuery(
    [
      ['status', filters.status],
      ['commandId', filters.commandId],
      ['sessionId', filters.sessionId],
      ['parentId', filters.parentId],
    ],
    filters.page,
    filters.size ?? TOOL_CALLS_PAGE_SIZE,
  );

/** `GET /api/tool-calls`: tool calls, newest first. */
export const listToolCalls = (filters: ToolCallFilters, signal?: AbortSignal): Promise<Page<ToolCallSummary>> =>
  getPage(`/api/tool-calls?${buildToolCallsQuery(filters)}`, signal);

export const useToolCalls = (filters: ToolCallFilters) => usePageQuery(toolCallKeys.list(filters), (signal) => listToolCalls(filters, signal));
