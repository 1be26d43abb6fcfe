import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, parseEtagVersion } from '@/lib/api-client';
import { newestOf, refreshAtVersion } from '@/lib/read-your-writes';
import type { SessionDetail } from '../types';
import { sessionKeys } from './session-keys';

/** The detail plus the version its ETag names, which conditional writes send back as If-Match. */
export type SessionView = SessionDetail & { etagVersion: number };

export type FindSessionOptions = { minVersion?: number; signal?: AbortSignal };

export const findSession = async (id: string, options: FindSessionOptions = {}): Promise<SessionView> => {
  const query = options.minVersion === undefined ? '' : `?minVersion=${options.minVersion}`;
  const { data, etag } = await api.get<SessionDetail>(`/api/sessions/${encodeURIComponent(id)}${query}`, {
    signal: options.signal,
  });
  return { ...data, etagVersion: parseEtagVersion(etag) ?? data.version };
};

/** Fetches the session once the read model has reached `minVersion` and puts it in the cache (read-your-writes). */
export const refreshSession = (queryClient: QueryClient, id: string, minVersion?: number): Promise<SessionView> =>
  refreshAtVersion(queryClient, sessionKeys.detail(id), (options) => findSession(id, options), minVersion);

export const useSession = (id: string) => {
  const queryClient = useQueryClient();
  const queryKey = sessionKeys.detail(id);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => newestOf(await findSession(id, { signal }), queryClient.getQueryData(queryKey)),
  });
};

/** After a write: show exactly what was written, and let the lists pick it up. */
export const refreshAfterWrite = async (queryClient: QueryClient, id: string, version: number): Promise<void> => {
  void queryClient.invalidateQueries({ queryKey: sessionKeys.lists() });
  try {
    await refreshSession(queryClient, id, version);
  } catch {
    // The write itself succeeded; the page keeps its data and the next refetch catches up.
  }
};

/** After a 412: the version we held is stale, so load the current one. */
export const reloadStaleSession = (queryClient: QueryClient, id: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: sessionKeys.detail(id), exact: true });
