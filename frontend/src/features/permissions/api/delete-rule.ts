import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { permissionKeys } from './permission-keys';

/** `DELETE /api/permissions/{id}`. */
export const deleteRule = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/permissions/${encodeURIComponent(id)}`);
};

export const useDeleteRule = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteRule, onSuccess: () => refreshNowAndSoon(queryClient, permissionKeys.rules()) });
};
