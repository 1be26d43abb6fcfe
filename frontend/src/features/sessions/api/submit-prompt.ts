import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Metadata, WriteResult } from '../types';
import { refreshAfterWrite } from './find-session';

export type SubmitPromptInput = { id: string; prompt: string; metadata?: Metadata };

export const submitPrompt = async ({ id, prompt, metadata }: SubmitPromptInput): Promise<WriteResult> => {
  const body = metadata ? { prompt, metadata } : { prompt };
  const { data } = await api.post<WriteResult>(`/api/sessions/${encodeURIComponent(id)}/prompt`, body);
  return data;
};

export const useSubmitPrompt = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitPrompt,
    onSuccess: (result) => refreshAfterWrite(queryClient, result.id, result.version),
  });
};
