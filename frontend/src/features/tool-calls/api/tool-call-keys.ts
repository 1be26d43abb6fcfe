import { recordKeys } from '@/lib/query-keys';
import type { ToolCallFilters } from './list-tool-calls';

/** Query keys of tool calls: lists, one call and what hangs off it. */
export const toolCallKeys = {
  ...recordKeys<ToolCallFilters>('tool-calls'),
  trail: (id: string) => [...toolCallKeys.all, 'trail', id] as const,
  output: (id: string) => [...toolCallKeys.all, 'output', id] as const,
  deliveries: (id: string) => [...toolCallKeys.all, 'deliveries', id] as const,
  children: (id: string) => [...toolCallKeys.all, 'children', id] as const,
};

/**
 * Query keys of the approvals inbox, a root of their own so that refreshing the inbox never refetches
 * every shown call; the pending count shares the prefix, so every inbox refresh reaches it.
 */
export const approvalKeys = {
  all: ['tool-calls-approvals'] as const,
  lists: () => [...approvalKeys.all, 'list'] as const,
  list: (status: string, page: number) => [...approvalKeys.lists(), status, page] as const,
  pendingCount: () => [...approvalKeys.all, 'pending-count'] as const,
};
