import { api } from '@/lib/api-client';
import { useDeleteRecord } from '@/lib/record-mutations';
import { commandKeys } from './command-keys';

/** `DELETE /api/slash-commands/{id}`. */
export const deleteCommand = async ({ id }: { id: string }): Promise<void> => {
  await api.delete<void>(`/api/slash-commands/${encodeURIComponent(id)}`);
};

export const useDeleteCommand = () => useDeleteRecord(deleteCommand, commandKeys);
