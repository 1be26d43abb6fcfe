import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RunRanking, RunView } from '../types';
import { runKeys } from './run-keys';

/** `GET /api/observability/runs`: the slowest or the costliest runs you may see. */
export const listRankedRuns = async (sort: RunRanking, size: number, signal?: AbortSignal): Promise<RunView[]> => {
  const params = new URLSearchParams({ sort, size: String(size) });
  const { data } = await api.get<{ items: RunView[] }>(`/api/observability/runs?${params}`, { signal });
  return data?.items ?? [];
};

export const useRankedRuns = (sort: RunRanking, size = 10) =>
  useQuery({ queryKey: runKeys.ranking(sort, size), queryFn: ({ signal }) => listRankedRuns(sort, size, signal) });
