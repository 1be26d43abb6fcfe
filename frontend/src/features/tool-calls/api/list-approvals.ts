import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { Approval, ApprovalView } from '../types';
import { approvalKeys } from './tool-call-keys';

export const APPROVALS_PAGE_SIZE = 20;
/** A safety net for a dropped event stream; events refresh the inbox sooner. */
const INBOX_POLL_MS = 30_000;

/** `GET /api/tool-calls/approvals?status=pending|decided`. */
export const listApprovals = async (status: ApprovalView, page: number, signal?: AbortSignal): Promise<Page<Approval>> => {
  const params = new URLSearchParams({ status });
  if (page) params.set('page', String(page));
  params.set('size', String(APPROVALS_PAGE_SIZE));
  const { data } = await api.get<Page<Approval>>(`/api/tool-calls/approvals?${params}`, { signal });
  return data;
};

export const useApprovals = (status: ApprovalView, page: number) =>
  useQuery({
    queryKey: approvalKeys.list(status, page),
    queryFn: ({ signal }) => listApprovals(status, page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: status === 'pending' ? INBOX_POLL_MS : false,
  });
