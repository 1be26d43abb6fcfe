import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { Invitation } from '../types';
import { adminKeys } from './admin-keys';

export const INVITATIONS_PAGE_SIZE = 20;

export const listInvitations = async (page: number, signal?: AbortSignal): Promise<Page<Invitation>> => {
  const { data } = await api.get<Page<Invitation>>(`/api/admin/invitations?page=${page}&size=${INVITATIONS_PAGE_SIZE}`, { signal });
  return data;
};

export const useInvitations = (page: number) =>
  useQuery({
    queryKey: adminKeys.invitations(page),
    queryFn: ({ signal }) => listInvitations(page, signal),
    placeholderData: keepPreviousData,
  });
