import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RuntimeCatalog } from '../types';
import { runKeys } from './run-keys';

/** `GET /api/runtimes`: which runtimes this node has, which are configured, and its default. */
export const listRuntimes = async (signal?: AbortSignal): Promise<RuntimeCatalog> => {
  const { data } = await api.get<RuntimeCatalog>('/api/runtimes', { signal });
  return { defaultRuntime: data?.defaultRuntime ?? null, runtimes: data?.runtimes ?? [] };
};

export const useRuntimes = () =>
  useQuery({ queryKey: runKeys.runtimes(), queryFn: ({ signal }) => listRuntimes(signal), staleTime: 60_000 });
