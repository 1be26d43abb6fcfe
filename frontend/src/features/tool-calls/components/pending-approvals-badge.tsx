import { Badge } from '@/components/badge';
import { useApprovalLiveUpdates } from '../api/approval-live-updates';
import { usePendingApprovalCount } from '../api/count-pending-approvals';

/** The navigation's count of calls waiting for you; events keep it (and the inbox) fresh. */
export const PendingApprovalsBadge = () => {
  useApprovalLiveUpdates();
  const count = usePendingApprovalCount();
  if (count.data === undefined) return null;
  return (
    <>
      <Badge
        tone={count.data > 0 ? 'warning' : 'muted'}
        className="nav__badge nav__count"
        data-testid="nav-approvals-badge"
        data-count={count.data}
        title={`${count.data} waiting for a decision`}
      >
        {count.data}
      </Badge>
      <span className="visually-hidden"> waiting for a decision</span>
    </>
  );
};
