import { api } from '@/lib/api-client';
import { useVersionedUpdate } from '@/lib/record-mutations';
import type { HookInput, HookWriteResult } from '../types';
import { hookKeys } from './hook-keys';
import { refreshHookAfterWrite } from './find-hook';

export type UpdateHookInput = { id: string; patch: Partial<HookInput>; expectedVersion?: number };

/** `PATCH /api/hooks/{id}` with `If-Match`. */
export const updateHook = async ({ id, patch, expectedVersion }: UpdateHookInput): Promise<HookWriteResult> => {
  const { data } = await api.patch<HookWriteResult>(`/api/hooks/${encodeURIComponent(id)}`, patch, { expectedVersion });
  return data;
};

export const useUpdateHook = () => useVersionedUpdate(updateHook, refreshHookAfterWrite, hookKeys);
