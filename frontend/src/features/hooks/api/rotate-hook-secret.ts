import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { HookWriteResult } from '../types';
import { refreshHookAfterWrite } from './find-hook';

/** `POST /api/hooks/{id}/secret`: a new signing secret, shown once; the old one stops being used. */
export const rotateHookSecret = async ({ id }: { id: string }): Promise<HookWriteResult> => {
  const { data } = await api.post<HookWriteResult>(`/api/hooks/${encodeURIComponent(id)}/secret`);
  return data;
};

export const useRotateHookSecret = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateHookSecret,
    // The answer carries the secret: drop the mutation from the cache as soon as nobody watches it.
    gcTime: 0,
    onSuccess: (result) => void refreshHookAfterWrite(queryClient, result.id, result.version),
  });
};
