import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { subagentKeys } from './subagent-keys';

/** `DELETE /api/subagents/{id}`. */
export const deleteSubagent = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/subagents/${encodeURIComponent(id)}`);
};

export const useDeleteSubagent = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSubagent,
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: subagentKeys.detail(id), exact: true });
      return refreshNowAndSoon(queryClient, subagentKeys.lists());
    },
  });
};
