import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { isVersionMismatch } from './api-client';
import { refreshNowAndSoon } from './use-event-refresh';

/**
 * The mutation of a write whose answer the page does not keep: what it changed (a list, or one read under
 * `refreshes`) is read again, and `mutateAsync` waits for that.
 */
export const useWriteThenRefresh = <I = void, R = unknown>(write: (input: I) => Promise<R>, refreshes: QueryKey) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: refreshes }) });
};

type RecordKeys = { lists: () => QueryKey; detail: (id: string) => QueryKey };

/**
 * The mutation of a `DELETE` of one record: its cached read is forgotten (a page still showing it would
 * otherwise refetch a 404), and the lists are refreshed now and once more when the read model has caught up.
 */
export const useDeleteRecord = (remove: (input: { id: string }) => Promise<void>, keys: RecordKeys) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remove,
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: keys.detail(id), exact: true });
      return refreshNowAndSoon(queryClient, keys.lists());
    },
  });
};

type AfterWrite = (queryClient: QueryClient, id: string, version: number) => Promise<unknown>;

/**
 * The mutation of a write that answers the record's id and version: the record is read again at that version, so
 * the page shows what was just written (awaited by `mutateAsync`).
 */
export const useRecordWrite = <I, R extends { id: string; version: number }>(write: (input: I) => Promise<R>, refreshAfterWrite: AfterWrite) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version) });
};

/**
 * The same for a write with `If-Match`: when the server refuses a stale version, `reloadStale` reads the record
 * again so the page starts from what is there now.
 */
export const useVersionedWrite = <I extends { id: string }, R extends { id: string; version: number }>(
  write: (input: I) => Promise<R>,
  refreshAfterWrite: AfterWrite,
  reloadStale: (queryClient: QueryClient, id: string) => Promise<unknown>,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version),
    onError: (error, { id }) => (isVersionMismatch(error) ? reloadStale(queryClient, id) : undefined),
  });
};

/** A `PATCH` with `If-Match` of a record whose stale read is every query under its detail key. */
export const useVersionedUpdate = <I extends { id: string }, R extends { id: string; version: number }>(
  update: (input: I) => Promise<R>,
  refreshAfterWrite: AfterWrite,
  keys: Pick<RecordKeys, 'detail'>,
) => useVersionedWrite(update, refreshAfterWrite, (queryClient, id) => queryClient.invalidateQueries({ queryKey: keys.detail(id) }));
