import { Badge, type BadgeTone } from '@/components/badge';
import type { SessionMode, SessionStatus } from '../types';

const STATUS_TONES: Record<SessionStatus, BadgeTone> = {
  planning: 'info',
  executing: 'accent',
  paused: 'warning',
  completed: 'success',
  failed: 'danger',
};

/** Shows the wire value (`executing`) so what you read is what the API says. */
export const SessionStatusBadge = ({ status, testId }: { status: SessionStatus; testId?: string }) => (
  <Badge tone={STATUS_TONES[status] ?? 'neutral'} data-testid={testId} title={`Status: ${status}`}>
    {status}
  </Badge>
);

export const SessionModeBadge = ({ mode, testId }: { mode: SessionMode; testId?: string }) => (
  <Badge tone={mode === 'auto_accept' ? 'warning' : 'muted'} data-testid={testId} title={`Mode: ${mode}`}>
    {mode}
  </Badge>
);
