import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { loadAtVersion } from '@/lib/read-your-writes';
import type { CommandDetail } from '../types';
import { commandKeys } from './command-keys';

/** `GET /api/slash-commands/{id}`. */
export const findCommand = async (id: string, signal?: AbortSignal): Promise<CommandDetail> => {
  const { data } = await api.get<CommandDetail>(`/api/slash-commands/${encodeURIComponent(id)}`, { signal });
  return data;
};

export const useCommand = (id: string) =>
  useQuery({ queryKey: commandKeys.detail(id), queryFn: ({ signal }) => findCommand(id, signal) });

/** After a write: read the command back at the written version, and let the lists pick it up. */
export const refreshCommandAfterWrite = async (queryClient: QueryClient, id: string, version: number): Promise<void> => {
  void queryClient.invalidateQueries({ queryKey: commandKeys.lists() });
  try {
    const detail = await loadAtVersion(() => findCommand(id), version);
    queryClient.setQueryData(commandKeys.detail(id), detail);
  } catch {
    await queryClient.invalidateQueries({ queryKey: commandKeys.detail(id) });
  }
};
