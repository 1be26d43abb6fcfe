import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { commandKeys } from './command-keys';

/** `DELETE /api/slash-commands/{id}`. */
export const deleteCommand = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/slash-commands/${encodeURIComponent(id)}`);
};

export const useDeleteCommand = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCommand,
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: commandKeys.detail(id), exact: true });
      return refreshNowAndSoon(queryClient, commandKeys.lists());
    },
  });
};
