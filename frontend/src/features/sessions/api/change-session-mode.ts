import { api } from '@/lib/api-client';
import { useVersionedWrite } from '@/lib/record-mutations';
import type { SessionMode, WriteResult } from '../types';
import { refreshAfterWrite, reloadStaleSession } from './find-session';

export type ChangeSessionModeInput = { id: string; mode: SessionMode; expectedVersion?: number };

export const changeSessionMode = async ({ id, mode, expectedVersion }: ChangeSessionModeInput): Promise<WriteResult> => {
  const { data } = await api.post<WriteResult>(`/api/sessions/${encodeURIComponent(id)}/mode`, { mode }, { expectedVersion });
  return data;
};

export const useChangeSessionMode = () => useVersionedWrite(changeSessionMode, refreshAfterWrite, reloadStaleSession);
