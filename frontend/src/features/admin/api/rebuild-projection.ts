import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ProjectionStatus } from '../types';
import { adminKeys } from './admin-keys';

export type RebuildProjectionInput = { name: string };

/**
 * `POST /api/admin/projections/{name}/rebuild` → 202 with the status as the replay starts: the read model's tables
 * and dead letters are cleared and every event is replayed. `404 PROJECTION_NOT_FOUND` when it cannot be rebuilt.
 */
export const rebuildProjection = async ({ name }: RebuildProjectionInput): Promise<ProjectionStatus> => {
  const { data } = await api.post<ProjectionStatus>(`/api/admin/projections/${encodeURIComponent(name)}/rebuild`);
  return data;
};

/** Puts a status the node answered with into the cached list, so the page shows it before the next poll. */
export const replaceStatus = (list: ProjectionStatus[] | undefined, status: ProjectionStatus): ProjectionStatus[] | undefined =>
  list?.map((entry) => (entry.name === status.name ? status : entry));

export const useRebuildProjection = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rebuildProjection,
    onSuccess: (status) => {
      queryClient.setQueryData<ProjectionStatus[]>(adminKeys.projections(), (list) => replaceStatus(list, status));
      return queryClient.invalidateQueries({ queryKey: adminKeys.projections() });
    },
  });
};
