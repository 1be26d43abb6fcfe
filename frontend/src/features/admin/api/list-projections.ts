import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ProjectionStatus } from '../types';
import { adminKeys } from './admin-keys';

/** How often the page asks again while open, besides the refetches the event stream triggers. */
export const PROJECTIONS_REFRESH_MS = 3_000;

/** `GET /api/admin/projections`: every streaming processor with its progress, sorted by name. */
export const listProjections = async (signal?: AbortSignal): Promise<ProjectionStatus[]> => {
  const { data } = await api.get<ProjectionStatus[]>('/api/admin/projections', { signal });
  return data;
};

export const useProjections = () =>
  useQuery({
    queryKey: adminKeys.projections(),
    queryFn: ({ signal }) => listProjections(signal),
    refetchInterval: PROJECTIONS_REFRESH_MS,
  });
