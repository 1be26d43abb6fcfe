import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { usePageQuery } from '@/lib/page-query';
import type { Delivery } from '../types';
import { hookKeys } from './hook-keys';

export const DELIVERIES_PAGE_SIZE = 20;

/** `GET /api/hooks/{id}/deliveries`: newest first, with every attempt. */
export const listDeliveries = async (id: string, page: number, signal?: AbortSignal): Promise<Page<Delivery>> => {
  const params = new URLSearchParams();
  if (page) params.set('page', String(page));
  params.set('size', String(DELIVERIES_PAGE_SIZE));
  const { data } = await api.get<Page<Delivery>>(`/api/hooks/${encodeURIComponent(id)}/deliveries?${params}`, { signal });
  return data;
};

export const useDeliveries = (id: string, page: number) => usePageQuery(hookKeys.deliveries(id, page), (signal) => listDeliveries(id, page, signal));
