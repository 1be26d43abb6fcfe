import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { hookKeys } from './hook-keys';

/** `POST /api/hooks/{id}/test`: 202 with the delivery of a `hook.test` event. */
export const sendTestEvent = async ({ id }: { id: string }): Promise<{ deliveryId: string }> => {
  const { data } = await api.post<{ deliveryId: string }>(`/api/hooks/${encodeURIComponent(id)}/test`);
  return data;
};

export const useSendTestEvent = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendTestEvent,
    onSuccess: () => refreshNowAndSoon(queryClient, hookKeys.deliveryLists()),
  });
};
