import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { loadAtVersion } from '@/lib/read-your-writes';
import type { Subagent } from '../types';
import { subagentKeys } from './subagent-keys';

/** `GET /api/subagents/{id}`. */
export const findSubagent = async (id: string, signal?: AbortSignal): Promise<Subagent> => {
  const { data } = await api.get<Subagent>(`/api/subagents/${encodeURIComponent(id)}`, { signal });
  return { ...data, policies: data?.policies ?? [] };
};

export const useSubagent = (id: string) =>
  useQuery({ queryKey: subagentKeys.detail(id), queryFn: ({ signal }) => findSubagent(id, signal) });

/** After a write: read the subagent back at the written version, and let the lists pick it up. */
export const refreshSubagentAfterWrite = async (queryClient: QueryClient, id: string, version: number): Promise<void> => {
  void queryClient.invalidateQueries({ queryKey: subagentKeys.lists() });
  try {
    queryClient.setQueryData(subagentKeys.detail(id), await loadAtVersion(() => findSubagent(id), version));
  } catch {
    await queryClient.invalidateQueries({ queryKey: subagentKeys.detail(id) });
  }
};
