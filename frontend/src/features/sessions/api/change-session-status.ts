import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionMismatch } from '@/lib/api-client';
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

export const useChangeSessionStatus = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeSessionStatus,
    onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version),
    onError: (error, { id }) => (isVersionMismatch(error) ? reloadStaleSession(queryClient, id) : undefined),
  });
};
