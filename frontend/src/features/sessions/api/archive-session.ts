import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sessionKeys } from './session-keys';

export type ArchiveSessionInput = { id: string };

/** `DELETE` archives: the session leaves lists and reads, its history stays in the event store. */
export const archiveSession = async ({ id }: ArchiveSessionInput): Promise<void> => {
  await api.delete<void>(`/api/sessions/${encodeURIComponent(id)}`);
};

export const useArchiveSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveSession,
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: sessionKeys.detail(id), exact: true });
      return queryClient.invalidateQueries({ queryKey: sessionKeys.lists() });
    },
  });
};
