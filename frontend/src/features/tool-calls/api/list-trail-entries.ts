import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { TrailEntry } from '../types';
import { toolCallKeys } from './tool-call-keys';

/** `GET /api/tool-calls/{id}/trail`: every event of the call, in order. */
export const listTrailEntries = async (id: string, signal?: AbortSignal): Promise<TrailEntry[]> => {
  const { data } = await api.get<{ items?: TrailEntry[] } | TrailEntry[]>(`/api/tool-calls/${encodeURIComponent(id)}/trail`, {
    signal,
  });
  return Array.isArray(data) ? data : (data?.items ?? []);
};

export const useTrail = (id: string, refetchInterval: number | false = false) =>
  useQuery({
    queryKey: toolCallKeys.trail(id),
    queryFn: ({ signal }) => listTrailEntries(id, signal),
    refetchInterval,
  });
