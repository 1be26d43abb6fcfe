import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { AdminUser } from '../types';
import { adminKeys } from './admin-keys';

export const USERS_PAGE_SIZE = 20;

export const listUsers = async (page: number, signal?: AbortSignal): Promise<Page<AdminUser>> => {
  const { data } = await api.get<Page<AdminUser>>(`/api/admin/users?page=${page}&size=${USERS_PAGE_SIZE}`, { signal });
  return data;
};

export const useUsers = (page: number) =>
  useQuery({ queryKey: adminKeys.users(page), queryFn: ({ signal }) => listUsers(page, signal), placeholderData: keepPreviousData });
