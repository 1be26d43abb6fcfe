import { api } from '@/lib/api-client';
import type { HookWriteResult } from '../types';
import { useHookSecretWrite } from './create-hook';

/** `POST /api/hooks/{id}/secret`: a new signing secret, shown once; the old one stops being used. */
export const rotateHookSecret = async ({ id }: { id: string }): Promise<HookWriteResult> => {
  const { data } = await api.post<HookWriteResult>(`/api/hooks/${encodeURIComponent(id)}/secret`);
  return data;
};

export const useRotateHookSecret = () => useHookSecretWrite(rotateHookSecret);
