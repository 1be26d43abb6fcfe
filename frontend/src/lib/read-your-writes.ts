import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { isNotFound } from './api-client';

export type WaitOptions = { attempts?: number; delayMs?: number };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes answer as soon as the event is stored; the read model follows within milliseconds. Reads
 * `load` until it shows `minVersion` (or stops answering 404 for something just created), so a page
 * shows exactly what was just written. Gives the last answer when the read side stays behind.
 */
export const loadAtVersion = async <T extends { version?: number }>(
  load: () => Promise<T>,
  minVersion: number,
  { attempts = 8, delayMs = 120 }: WaitOptions = {},
): Promise<T> => {
  let last: T | undefined;
  for (let attempt = 1; ; attempt += 1) {
    try {
      last = await load();
      if ((last.version ?? minVersion) >= minVersion || attempt >= attempts) return last;
    } catch (error) {
      if (!isNotFound(error) || attempt >= attempts) {
        if (last !== undefined) return last;
        throw error;
      }
    }
    await pause(delayMs * Math.min(attempt, 4));
  }
};

type Versioned = { id: string; version: number };

/** Never lets a late answer replace a newer version of the same record already in the cache (a streamed chunk patched in, say). */
export const newestOf = <T extends Versioned>(fetched: T, cached: T | undefined): T =>
  cached && cached.id === fetched.id && cached.version > fetched.version ? cached : fetched;

/**
 * Reads a record once the read model has reached `minVersion` and puts it in the cache under `queryKey`, so the page
 * shows exactly what was just written; a cached copy that already has that version is answered as it is.
 */
export const refreshAtVersion = async <T extends Versioned>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  find: (options: { minVersion?: number; signal?: AbortSignal }) => Promise<T>,
  minVersion?: number,
): Promise<T> => {
  const cached = queryClient.getQueryData<T>(queryKey);
  if (cached && minVersion !== undefined && cached.version >= minVersion) return cached;
  // A fetch already in flight was started without our minVersion; replace it.
  await queryClient.cancelQueries({ queryKey, exact: true });
  return queryClient.fetchQuery({
    queryKey,
    queryFn: async ({ signal }) => newestOf(await find({ minVersion, signal }), queryClient.getQueryData<T>(queryKey)),
    staleTime: 0,
  });
};
