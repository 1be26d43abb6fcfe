/** Query keys of the approvals feature; the pending count shares the prefix, so every refresh reaches it. */
export const approvalKeys = {
  all: ['approvals'] as const,
  lists: () => [...approvalKeys.all, 'list'] as const,
  list: (status: string, page: number) => [...approvalKeys.lists(), status, page] as const,
  pendingCount: () => [...approvalKeys.all, 'pending-count'] as const,
};
