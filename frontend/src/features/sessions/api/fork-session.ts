import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { WriteResult } from '../types';
import { refreshAfterWrite } from './find-session';
import { sessionKeys } from './session-keys';

export type ForkSessionInput = { id: string; title?: string };

/** Answers the new session's id and version. */
export const forkSession = async ({ id, title }: ForkSessionInput): Promise<WriteResult> => {
  const body = title?.trim() ? { title: title.trim() } : {};
  const { data } = await api.post<WriteResult>(`/api/sessions/${encodeURIComponent(id)}/fork`, body);
  return data;
};

export const useForkSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: forkSession,
    onSuccess: async (fork, { id: parentId }) => {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(parentId), exact: true });
      await refreshAfterWrite(queryClient, fork.id, fork.version);
    },
  });
};
