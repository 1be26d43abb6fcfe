import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { DeadLetter } from '../types';
import { adminKeys } from './admin-keys';
import { PROJECTIONS_REFRESH_MS } from './list-projections';

export const DEAD_LETTERS_PAGE_SIZE = 20;

const deadLettersPath = (name: string, page: number, size: number) =>
  `/api/admin/projections/${encodeURIComponent(name)}/dead-letters?page=${page}&size=${size}`;

/** `GET /api/admin/projections/{name}/dead-letters`; `404 PROJECTION_NOT_FOUND` for a processor without a queue. */
export const listDeadLetters = async (name: string, page: number, signal?: AbortSignal): Promise<Page<DeadLetter>> => {
  const { data } = await api.get<Page<DeadLetter>>(deadLettersPath(name, page, DEAD_LETTERS_PAGE_SIZE), { signal });
  return data;
};

export const isUnknownProjection = (error: unknown): boolean => isApiError(error) && error.code === 'PROJECTION_NOT_FOUND';

export const useDeadLetters = (name: string, page: number) =>
  useQuery({
    queryKey: adminKeys.deadLetters(name, page),
    queryFn: ({ signal }) => listDeadLetters(name, page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: PROJECTIONS_REFRESH_MS,
  });

