import { Badge, type BadgeTone } from './badge';

/** Tones of the tool-call statuses, which both a call's page and a slash command's runs show. */
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

/** The wire value (`awaiting_approval`), so what you read is what the API says. */
export const RunStatusBadge = ({ status, testId }: { status: string; testId?: string }) => (
  <Badge tone={TONES[status] ?? 'neutral'} data-testid={testId} data-status={status} title={`Status: ${status}`}>
    {status}
  </Badge>
);
