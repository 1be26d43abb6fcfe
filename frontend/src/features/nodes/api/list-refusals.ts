import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { InboundRefusal } from '../types';
import { nodesKeys } from './nodes-keys';

export const REFUSALS_PAGE_SIZE = 20;

/** Refusals keep coming while a prober is at it: asked again now and then, like the peers' lag. */
const REFRESH_MS = 10_000;

export const listRefusals = async (page: number, signal?: AbortSignal): Promise<Page<InboundRefusal>> => {
  const { data } = await api.get<Page<InboundRefusal>>(`/api/forwarding/refusals?page=${page}&size=${REFUSALS_PAGE_SIZE}`, { signal });
  return data;
};

export const useRefusals = (page: number) =>
  useQuery({
    queryKey: nodesKeys.refusals(page),
    queryFn: ({ signal }) => listRefusals(page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
