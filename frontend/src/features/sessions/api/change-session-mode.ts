import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionMismatch } from '@/lib/api-client';
import type { SessionMode, WriteResult } from '../types';
import { refreshAfterWrite, reloadStaleSession } from './find-session';

export type ChangeSessionModeInput = { id: string; mode: SessionMode; expectedVersion?: number };

export const changeSessionMode = async ({ id, mode, expectedVersion }: ChangeSessionModeInput): Promise<WriteResult> => {
  const { data } = await api.post<WriteResult>(`/api/sessions/${encodeURIComponent(id)}/mode`, { mode }, { expectedVersion });
  return data;
};

export const useChangeSessionMode = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeSessionMode,
    onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version),
    onError: (error, { id }) => (isVersionMismatch(error) ? reloadStaleSession(queryClient, id) : undefined),
  });
};
