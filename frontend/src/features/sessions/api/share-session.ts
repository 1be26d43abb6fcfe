import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { WriteResult } from '../types';
import { refreshAfterWrite } from './find-session';

export type ShareSessionInput = { id: string; shared: boolean };

export const shareSession = async ({ id, shared }: ShareSessionInput): Promise<WriteResult> => {
  const { data } = await api.post<WriteResult>(`/api/sessions/${encodeURIComponent(id)}/sharing`, { shared });
  return data;
};

export const useShareSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: shareSession,
    onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version),
  });
};
