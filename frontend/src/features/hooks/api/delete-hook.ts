import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { hookKeys } from './hook-keys';

/** `DELETE /api/hooks/{id}`. */
export const deleteHook = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/hooks/${encodeURIComponent(id)}`);
};

export const useDeleteHook = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteHook,
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: hookKeys.detail(id), exact: true });
      return refreshNowAndSoon(queryClient, hookKeys.lists());
    },
  });
};
