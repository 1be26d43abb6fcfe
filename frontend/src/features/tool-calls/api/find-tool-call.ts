import { useQuery } from '@tanstack/react-query';
import { api, isNotFound } from '@/lib/api-client';
import { isFollowed, type ToolCallDetail } from '../types';
import { toolCallKeys } from './tool-call-keys';

/** How often a shown run is re-read while it may change and the event stream is not live. */
export const RUN_POLL_MS = 1_000;

/** `GET /api/tool-calls/{id}`. */
export const findToolCall = async (id: string, signal?: AbortSignal): Promise<ToolCallDetail> => {
  const { data } = await api.get<ToolCallDetail>(`/api/tool-calls/${encodeURIComponent(id)}`, { signal });
  return data;
};

export type UseToolCallOptions = {
  /** What the page already knows (the answer of the execute request), shown until the read side has the call. */
  known?: ToolCallDetail;
  /** Polls while the call is active; off when the event stream keeps the run fresh. */
  poll?: boolean;
};

/**
 * One run. A run that was just started (`known`) may not be in the read model yet: then a 404 is
 * retried for a couple of seconds before the page says "not found".
 */
export const useToolCall = (id: string, { known, poll = true }: UseToolCallOptions = {}) =>
  useQuery({
    queryKey: toolCallKeys.detail(id),
    queryFn: ({ signal }) => findToolCall(id, signal),
    placeholderData: known && known.id === id ? known : undefined,
    retry: (failures, error) => Boolean(known) && isNotFound(error) && failures < 6,
    retryDelay: (attempt) => Math.min(150 * 2 ** attempt, 800),
    refetchInterval: (query) => (poll && isFollowed(query.state.data) ? RUN_POLL_MS : false),
  });
