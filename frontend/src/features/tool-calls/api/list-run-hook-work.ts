import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isDeliveryEvent, isToolCallEvent, OUTPUT_RECORDED, type RunDelivery, type ToolCallSummary } from '../types';
import { toolCallKeys } from './tool-call-keys';
import { listToolCalls } from './list-tool-calls';

const HOOK_WORK_PAGE = 50;

/** `GET /api/tool-calls/{id}/deliveries`: the webhook deliveries the call caused, oldest first. */
export const listRunDeliveries = async (id: string, signal?: AbortSignal): Promise<Page<RunDelivery>> => {
  const { data } = await api.get<Page<RunDelivery>>(
    `/api/tool-calls/${encodeURIComponent(id)}/deliveries?size=${HOOK_WORK_PAGE}`,
    { signal },
  );
  return data;
};

export const useRunDeliveries = (id: string) =>
  useQuery({ queryKey: toolCallKeys.deliveries(id), queryFn: ({ signal }) => listRunDeliveries(id, signal) });

/** The calls hooks of type command started for this call (`GET /api/tool-calls?parentId=`). */
export const useRunHookCalls = (id: string) =>
  useQuery({
    queryKey: toolCallKeys.children(id),
    queryFn: ({ signal }): Promise<Page<ToolCallSummary>> => listToolCalls({ parentId: id, size: HOOK_WORK_PAGE }, signal),
  });

/**
 * Deliveries and child calls carry their own ids, so any delivery event, and any call event of another call, may
 * concern this run: both lists are refetched (coalesced) on them.
 */
export const useRunHookWorkLiveUpdates = (id: string): void => {
  useRefreshOnEvents({
    matches: (event) => isDeliveryEvent(event.type),
    queryKeys: [toolCallKeys.deliveries(id)],
  });
  useRefreshOnEvents({
    matches: (event) => event.aggregateId !== id && isToolCallEvent(event.type) && event.type !== OUTPUT_RECORDED,
    queryKeys: [toolCallKeys.children(id)],
  });
};
