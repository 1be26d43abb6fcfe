import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { ForwardingSource } from '../types';
import { nodesKeys } from './nodes-keys';

export const SOURCES_PAGE_SIZE = 20;

export const listSources = async (page: number, signal?: AbortSignal): Promise<Page<ForwardingSource>> => {
  const { data } = await api.get<Page<ForwardingSource>>(`/api/forwarding/sources?page=${page}&size=${SOURCES_PAGE_SIZE}`, { signal });
  return data;
};

export const useSources = (page: number) =>
  useQuery({ queryKey: nodesKeys.sources(page), queryFn: ({ signal }) => listSources(page, signal), placeholderData: keepPreviousData });
