import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { usePageQuery } from '@/lib/page-query';
import type { Invitation } from '../types';
import { adminKeys } from './admin-keys';

export const INVITATIONS_PAGE_SIZE = 20;

export const listInvitations = async (page: number, signal?: AbortSignal): Promise<Page<Invitation>> => {
  const { data } = await api.get<Page<Invitation>>(`/api/admin/invitations?page=${page}&size=${INVITATIONS_PAGE_SIZE}`, { signal });
  return data;
};

export const useInvitations = (page: number) => usePageQuery(adminKeys.invitations(page), (signal) => listInvitations(page, signal));
