import { api } from '@/lib/api-client';
import { useDeleteRecord } from '@/lib/record-mutations';
import { subagentKeys } from './subagent-keys';

/** `DELETE /api/subagents/{id}`. */
export const deleteSubagent = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/subagents/${encodeURIComponent(id)}`);
};

export const useDeleteSubagent = () => useDeleteRecord(deleteSubagent, subagentKeys);
