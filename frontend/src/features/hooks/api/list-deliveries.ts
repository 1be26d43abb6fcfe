import { pageQuery, type Page } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { Delivery } from '../types';
import { hookKeys } from './hook-keys';

export const DELIVERIES_PAGE_SIZE = 20;

/** `GET /api/hooks/{id}/deliveries`: newest first, with every attempt. */
export const listDeliveries = (id: string, page: number, signal?: AbortSignal): Promise<Page<Delivery>> =>
  getPage(`/api/hooks/${encodeURIComponent(id)}/deliveries?${pageQuery([], page, DELIVERIES_PAGE_SIZE)}`, signal);

export const useDeliveries = (id: string, page: number) => usePageQuery(hookKeys.deliveries(id, page), (signal) => listDeliveries(id, page, signal));
