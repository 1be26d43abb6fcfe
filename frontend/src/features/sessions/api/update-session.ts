import { api } from '@/lib/api-client';
import { useVersionedWrite } from '@/lib/record-mutations';
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

export const useUpdateSession = () => useVersionedWrite(updateSession, refreshAfterWrite, reloadStaleSession);
