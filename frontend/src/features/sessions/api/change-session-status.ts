import { api } from '@/lib/api-client';
import { useVersionedWrite } from '@/lib/record-mutations';
import type { SessionStatus, WriteResult } from '../types';
import { refreshAfterWrite, reloadStaleSession } from './find-session';

export type ChangeSessionStatusInput = {
  id: string;
  status: SessionStatus;
  reason?: string;
  expectedVersion?: number;
};

export const changeSessionStatus = async ({
  id,
  status,
  reason,
  expectedVersion,
}: ChangeSessionStatusInput): Promise<WriteResult> => {
  const body = reason?.trim() ? { status, reason: reason.trim() } : { status };
  const { data } = await api.post<WriteResult>(`/api/sessions/${encodeURIComponent(id)}/status`, body, { expectedVersion });
  return data;
};

export const useChangeSessionStatus = () => useVersionedWrite(changeSessionStatus, refreshAfterWrite, reloadStaleSession);
