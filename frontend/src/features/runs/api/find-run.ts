import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, isNotFound } from '@/lib/api-client';
import { newestOf, refreshAtVersion } from '@/lib/read-your-writes';
import { isRunActive, type RunView } from '../types';
import { runKeys } from './run-keys';

/** How often a shown run is re-read while it may change and the event stream is not live. */
export const RUN_POLL_MS = 1_000;

export type FindRunOptions = { minVersion?: number; signal?: AbortSignal };

/** `GET /api/runs/{runId}`, at `minVersion` or later when given (read-your-writes). */
export const findRun = async (id: string, { minVersion, signal }: FindRunOptions = {}): Promise<RunView> => {
  const query = minVersion === undefined ? '' : `?minVersion=${minVersion}`;
  const { data } = await api.get<RunView>(`/api/runs/${encodeURIComponent(id)}${query}`, { signal });
  return data;
};

export const newestRun = (fetched: RunView, cached: RunView | undefined): RunView => newestOf(fetched, cached);

/** Reads the run once the read model has reached `minVersion` and puts it in the cache. */
export const refreshRun = (queryClient: QueryClient, id: string, minVersion?: number): Promise<RunView> =>
  refreshAtVersion(queryClient, runKeys.detail(id), (options) => findRun(id, options), minVersion);

export type UseRunOptions = {
  /** Polls while the run is active; off when the event stream keeps it fresh. */
  poll?: boolean;
  /** A run that was just started may not be in the read model yet: its 404 is retried for a moment. */
  fresh?: boolean;
};

/** One run, kept fresh by {@link useRunLiveUpdates} and, without a live stream, by polling while it is active. */
export const useRun = (id: string, { poll = true, fresh = false }: UseRunOptions = {}) => {
  const queryClient = useQueryClient();
  const queryKey = runKeys.detail(id);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => newestRun(await findRun(id, { signal }), queryClient.getQueryData(queryKey)),
    // A fresh run's 404 is the read side catching up; otherwise only a network hiccup or a 5xx is worth retrying.
    retry: (failures, error) =>
      isNotFound(error) ? fresh && failures < 6 : !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
    retryDelay: (attempt) => Math.min(150 * 2 ** attempt, 800),
    refetchInterval: (query) => (poll && isRunActive(query.state.data?.state) ? RUN_POLL_MS : false),
  });
};
