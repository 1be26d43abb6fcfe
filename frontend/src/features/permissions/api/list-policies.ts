import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { Policy } from '../types';
import { permissionKeys } from './permission-keys';

export const POLICIES_PAGE_SIZE = 20;

/** `GET /api/permission-policies`: the built-in ones (`safe-core`, `read-only`, `hardened`) first, then your own. */
export const listPolicies = async (page: number, signal?: AbortSignal): Promise<Page<Policy>> => {
  const params = new URLSearchParams();
  if (page) params.set('page', String(page));
  params.set('size', String(POLICIES_PAGE_SIZE));
  const { data } = await api.get<Page<Policy>>(`/api/permission-policies?${params}`, { signal });
  return data;
};

export const usePolicies = (page: number) =>
  useQuery({
    queryKey: permissionKeys.policies(page),
    queryFn: ({ signal }) => listPolicies(page, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
