import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import type { Delivery } from '../types';
import { hookKeys } from './hook-keys';

export type RedeliverInput = { hookId: string; deliveryId: string };

/** `POST /api/hooks/{id}/deliveries/{deliveryId}/redeliver`: 202 with the delivery, queued again. */
export const redeliver = async ({ hookId, deliveryId }: RedeliverInput): Promise<Delivery> => {
  const { data } = await api.post<Delivery>(
    `/api/hooks/${encodeURIComponent(hookId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
  );
  return data;
};

export const useRedeliver = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: redeliver, onSuccess: () => refreshNowAndSoon(queryClient, hookKeys.deliveryLists()) });
};
