import { Badge, type BadgeTone } from '@/components/badge';

const TONES: Record<string, BadgeTone> = {
  requested: 'info',
  awaiting_approval: 'warning',
  approved: 'info',
  running: 'accent',
  completed: 'success',
  failed: 'danger',
  timed_out: 'danger',
  cancelled: 'muted',
  denied: 'danger',
  blocked: 'danger',
  expired: 'muted',
};

export const RunStatusBadge = ({ status }: { status: string }) => (
  <Badge tone={TONES[status] ?? 'neutral'} title={`Status: ${status}`}>
    {status}
  </Badge>
);
