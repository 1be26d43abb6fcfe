import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionMismatch } from '@/lib/api-client';
import type { HookInput, HookWriteResult } from '../types';
import { hookKeys } from './hook-keys';
import { refreshHookAfterWrite } from './find-hook';

export type UpdateHookInput = { id: string; patch: Partial<HookInput>; expectedVersion?: number };

/** `PATCH /api/hooks/{id}` with `If-Match`. */
export const updateHook = async ({ id, patch, expectedVersion }: UpdateHookInput): Promise<HookWriteResult> => {
  const { data } = await api.patch<HookWriteResult>(`/api/hooks/${encodeURIComponent(id)}`, patch, { expectedVersion });
  return data;
};

export const useUpdateHook = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateHook,
    onSuccess: (result) => refreshHookAfterWrite(queryClient, result.id, result.version),
    onError: (error, { id }) => (isVersionMismatch(error) ? queryClient.invalidateQueries({ queryKey: hookKeys.detail(id) }) : undefined),
  });
};
