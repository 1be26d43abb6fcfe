import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { pageQuery, type Page } from '@/lib/page';
import { getPage } from '@/lib/page-query';
import type { Approval, ApprovalView } from '../types';
import { approvalKeys } from './tool-call-keys';

export const APPROVALS_PAGE_SIZE = 20;
/** A safety net for a dropped event stream; events refresh the inbox sooner. */
const INBOX_POLL_MS = 30_000;

/** `GET /api/tool-calls/approvals?status=pending|decided`. */
export const listApprovals = (status: ApprovalView, page: number, signal?: AbortSignal): Promise<Page<Approval>> =>
  getPage(`/api/tool-calls/approvals?${pageQuery([['status', status]], page, APPROVALS_PAGE_SIZE)}`, signal);

export const useApprovals = (status: ApprovalView, page: number) =>
  useQuery({
    queryKey: approvalKeys.list(status, page),
    queryFn: ({ signal }) => listApprovals(status, page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: status === 'pending' ? INBOX_POLL_MS : false,
  });
