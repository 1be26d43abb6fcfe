import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { Hook } from '../types';
import { hookKeys } from './hook-keys';

export const HOOKS_PAGE_SIZE = 20;

/** `GET /api/hooks`. */
export const listHooks = async (page: number, signal?: AbortSignal): Promise<Page<Hook>> => {
  const params = new URLSearchParams();
  if (page) params.set('page', String(page));
  params.set('size', String(HOOKS_PAGE_SIZE));
  const { data } = await api.get<Page<Hook>>(`/api/hooks?${params}`, { signal });
  return data;
};

export const useHooks = (page: number) =>
  useQuery({ queryKey: hookKeys.list(page), queryFn: ({ signal }) => listHooks(page, signal), placeholderData: keepPreviousData });
