import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { pageQuery, type Page } from '@/lib/page';
import { getPage } from '@/lib/page-query';
import type { Policy } from '../types';
import { permissionKeys } from './permission-keys';

export const POLICIES_PAGE_SIZE = 20;

/** `GET /api/permission-policies`: the built-in ones (`safe-core`, `read-only`, `hardened`) first, then your own. */
export const listPolicies = (page: number, signal?: AbortSignal): Promise<Page<Policy>> =>
  getPage(`/api/permission-policies?${pageQuery([], page, POLICIES_PAGE_SIZE)}`, signal);

export const usePolicies = (page: number) =>
  useQuery({
    queryKey: permissionKeys.policies(page),
    queryFn: ({ signal }) => listPolicies(page, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
