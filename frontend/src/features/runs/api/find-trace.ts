import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Trace } from '../types';
import { runKeys } from './run-keys';

/** `GET /api/traces/{traceId}`: the run's spans, linked by `parentSpanId`. */
export const findTrace = async (traceId: string, signal?: AbortSignal): Promise<Trace> => {
  const { data } = await api.get<Trace>(`/api/traces/${encodeURIComponent(traceId)}`, { signal });
  return data;
};

export type UseTraceOptions = { refetchInterval?: number | false };

export const useTrace = (traceId: string, { refetchInterval = false }: UseTraceOptions = {}) =>
  useQuery({ queryKey: runKeys.trace(traceId), queryFn: ({ signal }) => findTrace(traceId, signal), refetchInterval });
