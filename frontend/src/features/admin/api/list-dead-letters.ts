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

/**
 * Whether a processor is a read model: a read model parks the events it cannot apply in a dead-letter queue, a
 * process records its own failures and has none. The node reports no "rebuildable" flag, and rebuilding a process
 * would replay every event through it (re-running its work), so only processors with a queue are offered a rebuild.
 */
export const hasDeadLetterQueue = async (name: string, signal?: AbortSignal): Promise<boolean> => {
  try {
    await api.get<Page<DeadLetter>>(deadLettersPath(name, 0, 1), { signal });
    return true;
  } catch (error) {
    if (isUnknownProjection(error)) return false;
    throw error;
  }
};

export const useHasDeadLetterQueue = (name: string) =>
  useQuery({
    // Outside adminKeys.projections(): which processors have a queue is fixed while the node runs.
    queryKey: [...adminKeys.all, 'dead-letter-queue', name] as const,
    queryFn: ({ signal }) => hasDeadLetterQueue(name, signal),
    staleTime: Infinity,
  });
