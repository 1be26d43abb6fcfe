import { api } from '@/lib/api-client';
import { useVersionedUpdate } from '@/lib/record-mutations';
import type { CommandInput, WriteResult } from '../types';
import { commandKeys } from './command-keys';
import { refreshCommandAfterWrite } from './find-command';

export type UpdateCommandInput = { id: string; patch: Partial<CommandInput>; expectedVersion?: number };

/** `PATCH /api/slash-commands/{id}` with `If-Match`, so a change made elsewhere meanwhile is not overwritten. */
export const updateCommand = async ({ id, patch, expectedVersion }: UpdateCommandInput): Promise<WriteResult> => {
  const { data } = await api.patch<WriteResult>(`/api/slash-commands/${encodeURIComponent(id)}`, patch, { expectedVersion });
  return data;
};

export const useUpdateCommand = () => useVersionedUpdate(updateCommand, refreshCommandAfterWrite, commandKeys);
