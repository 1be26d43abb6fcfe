import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionMismatch } from '@/lib/api-client';
import type { Metadata, WriteResult } from '../types';
import { refreshAfterWrite, reloadStaleSession } from './find-session';

/** A JSON merge patch: a field left out stays, `null` clears it. */
export type SessionPatch = Partial<{
  title: string | null;
  description: string | null;
  projectName: string | null;
  branch: string | null;
  environment: string | null;
  metadata: Metadata | null;
}>;

export type UpdateSessionInput = { id: string; patch: SessionPatch; expectedVersion?: number };

export const updateSession = async ({ id, patch, expectedVersion }: UpdateSessionInput): Promise<WriteResult> => {
  const { data } = await api.patch<WriteResult>(`/api/sessions/${encodeURIComponent(id)}`, patch, { expectedVersion });
  return data;
};

export const useUpdateSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version),
    onError: (error, { id }) => (isVersionMismatch(error) ? reloadStaleSession(queryClient, id) : undefined),
  });
};
