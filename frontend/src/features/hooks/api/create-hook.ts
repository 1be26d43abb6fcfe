import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { HookInput, HookWriteResult } from '../types';
import { refreshHookAfterWrite } from './find-hook';

/** `POST /api/hooks`: a webhook's answer carries its signing secret, this once. */
export const createHook = async (input: HookInput): Promise<HookWriteResult> => {
  const { data } = await api.post<HookWriteResult>('/api/hooks', input);
  return data;
};

/** A hook write whose answer may carry the signing secret; the hook is read again without waiting for it. */
export const useHookSecretWrite = <I>(write: (input: I) => Promise<HookWriteResult>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    // The answer carries the secret: drop the mutation from the cache as soon as nobody watches it.
    gcTime: 0,
    onSuccess: (result) => void refreshHookAfterWrite(queryClient, result.id, result.version),
  });
};

export const useCreateHook = () => useHookSecretWrite(createHook);
