import { api } from '@/lib/api-client';
import { useDeleteRecord } from '@/lib/record-mutations';
import { hookKeys } from './hook-keys';

/** `DELETE /api/hooks/{id}`. */
export const deleteHook = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/hooks/${encodeURIComponent(id)}`);
};

export const useDeleteHook = () => useDeleteRecord(deleteHook, hookKeys);
