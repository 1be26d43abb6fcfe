import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { Approval } from '../types';
import { approvalKeys } from './tool-call-keys';

const COUNT_POLL_MS = 60_000;

/** How many calls wait for you: the `totalItems` of a one-item page of pending approvals. */
export const countPendingApprovals = async (signal?: AbortSignal): Promise<number> => {
  const { data } = await api.get<Page<Approval>>('/api/tool-calls/approvals?status=pending&size=1', { signal });
  return data?.totalItems ?? 0;
};

export const usePendingApprovalCount = () =>
  useQuery({
    queryKey: approvalKeys.pendingCount(),
    queryFn: ({ signal }) => countPendingApprovals(signal),
    refetchInterval: COUNT_POLL_MS,
    retry: false,
  });
