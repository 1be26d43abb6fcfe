import { api, isApiError } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import type { AdminUser } from '../types';
import { adminKeys } from './admin-keys';

export type ChangeUserRoleInput = { id: string; role: 'admin'; granted: boolean };

/** `POST /api/admin/users/{id}/roles`; removing the last admin answers `409 LAST_ADMIN`. */
export const changeUserRole = async ({ id, role, granted }: ChangeUserRoleInput): Promise<AdminUser> => {
  const { data } = await api.post<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}/roles`, { role, granted });
  return data;
};

export const isLastAdmin = (error: unknown): boolean => isApiError(error) && error.code === 'LAST_ADMIN';

export const useChangeUserRole = () => useWriteThenRefresh(changeUserRole, adminKeys.userLists());
