import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { isRunActive, type RunView } from '../types';
import { newestRun } from './find-run';
import { runKeys } from './run-keys';

export const SESSION_RUNS_PAGE_SIZE = 20;

/** `GET /api/sessions/{id}/runs`: the session's runs you may see, a page at a time. */
export const listSessionRuns = async (
  sessionId: string,
  page: number,
  size = SESSION_RUNS_PAGE_SIZE,
  signal?: AbortSignal,
): Promise<Page<RunView>> => {
  const params = new URLSearchParams({ page: String(page), size: String(size) });
  const { data } = await api.get<Page<RunView>>(`/api/sessions/${encodeURIComponent(sessionId)}/runs?${params}`, { signal });
  return data;
};

/**
 * Each listed run also fills its own cache entry, which the conversation shows and the event stream
 * patches; a row older than what the stream already brought is not taken.
 */
const seedRuns = (queryClient: QueryClient, runs: readonly RunView[]) => {
  for (const run of runs) {
    queryClient.setQueryData<RunView>(runKeys.detail(run.id), (cached) => newestRun(run, cached));
  }
};

export type UseSessionRunsOptions = { page?: number; poll?: boolean };

export const useSessionRuns = (sessionId: string, { page = 0, poll = false }: UseSessionRunsOptions = {}) => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: runKeys.sessionList(sessionId, page),
    queryFn: async ({ signal }) => {
      const runs = await listSessionRuns(sessionId, page, SESSION_RUNS_PAGE_SIZE, signal);
      seedRuns(queryClient, runs?.items ?? []);
      return runs;
    },
    placeholderData: keepPreviousData,
    // Without a live stream a run that starts elsewhere (another tab, the CLI) still shows up.
    refetchInterval: (query) => (poll && (query.state.data?.items ?? []).some((run) => isRunActive(run.state)) ? 2_000 : false),
  });
};
