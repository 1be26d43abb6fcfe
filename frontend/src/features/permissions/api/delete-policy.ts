import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import { permissionKeys } from './permission-keys';

/** `DELETE /api/permission-policies/{slug}`; 409 `PERMISSION_POLICY_IN_USE` while a subagent still has it. */
export const deletePolicy = async ({ slug }: { slug: string }): Promise<void> => {
  await api.delete<void>(`/api/permission-policies/${encodeURIComponent(slug)}`);
};

export const useDeletePolicy = () => useWriteThenRefresh(deletePolicy, permissionKeys.policyLists());
