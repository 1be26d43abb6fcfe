import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { isVersionMismatch } from './api-client';
import { refreshNowAndSoon } from './use-event-refresh';

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

/**
 * The mutation of a `PATCH` with `If-Match`: the record is read again at the version written, and when the
 * server refuses a stale version the record is reloaded so the form starts from what is there now.
 */
export const useVersionedUpdate = <I extends { id: string }, R extends { id: string; version: number }>(
  update: (input: I) => Promise<R>,
  refreshAfterWrite: (queryClient: QueryClient, id: string, version: number) => Promise<unknown>,
  keys: Pick<RecordKeys, 'detail'>,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: update,
    onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version),
    onError: (error, { id }) => (isVersionMismatch(error) ? queryClient.invalidateQueries({ queryKey: keys.detail(id) }) : undefined),
  });
};
