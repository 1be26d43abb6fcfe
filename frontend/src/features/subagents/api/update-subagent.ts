import { api } from '@/lib/api-client';
import { useVersionedUpdate } from '@/lib/record-mutations';
import type { SubagentInput, WriteResult } from '../types';
import { refreshSubagentAfterWrite } from './find-subagent';
import { subagentKeys } from './subagent-keys';

export type UpdateSubagentInput = { id: string; patch: Partial<SubagentInput>; expectedVersion?: number };

/** `PATCH /api/subagents/{id}` with `If-Match`. */
export const updateSubagent = async ({ id, patch, expectedVersion }: UpdateSubagentInput): Promise<WriteResult> => {
  const { data } = await api.patch<WriteResult>(`/api/subagents/${encodeURIComponent(id)}`, patch, { expectedVersion });
  return data;
};

export const useUpdateSubagent = () => useVersionedUpdate(updateSubagent, refreshSubagentAfterWrite, subagentKeys);
