import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { UsageGroup, UsageReport } from '../types';
import { runKeys } from './run-keys';

/** `GET /api/observability/usage`: runs, calls, tokens, cost and latency per model, tool or day. */
export const getUsage = async (groupBy: UsageGroup, days: number, signal?: AbortSignal): Promise<UsageReport> => {
  const params = new URLSearchParams({ groupBy, days: String(days) });
  const { data } = await api.get<UsageReport>(`/api/observability/usage?${params}`, { signal });
  return { groupBy: data?.groupBy ?? groupBy, days: data?.days ?? days, rows: data?.rows ?? [] };
};

export const useUsage = (groupBy: UsageGroup, days: number) =>
  useQuery({
    queryKey: runKeys.usage(groupBy, days),
    queryFn: ({ signal }) => getUsage(groupBy, days, signal),
    placeholderData: keepPreviousData,
  });
