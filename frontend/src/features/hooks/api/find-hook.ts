import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { loadAtVersion } from '@/lib/read-your-writes';
import type { Hook } from '../types';
import { hookKeys } from './hook-keys';

/** `GET /api/hooks/{id}`. */
export const findHook = async (id: string, signal?: AbortSignal): Promise<Hook> => {
  const { data } = await api.get<Hook>(`/api/hooks/${encodeURIComponent(id)}`, { signal });
  return data;
};

export const useHook = (id: string) => useQuery({ queryKey: hookKeys.detail(id), queryFn: ({ signal }) => findHook(id, signal) });

/** After a write: read the hook back at the written version, and let the list pick it up. */
export const refreshHookAfterWrite = async (queryClient: QueryClient, id: string, version: number): Promise<void> => {
  void queryClient.invalidateQueries({ queryKey: hookKeys.lists() });
  try {
    queryClient.setQueryData(hookKeys.detail(id), await loadAtVersion(() => findHook(id), version));
  } catch {
    await queryClient.invalidateQueries({ queryKey: hookKeys.detail(id) });
  }
};
