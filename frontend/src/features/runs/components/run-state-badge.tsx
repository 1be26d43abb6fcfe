import { Badge, type BadgeTone } from '@/components/badge';

const TONES: Record<string, BadgeTone> = {
  running: 'accent',
  awaiting_approval: 'warning',
  completed: 'success',
  failed: 'danger',
  cancelled: 'muted',
};

/** The run's wire state (`awaiting_approval`), so what you read is what the API says. */
export const RunStateBadge = ({ state, testId }: { state: string; testId?: string }) => (
  <Badge tone={TONES[state] ?? 'neutral'} data-testid={testId} data-state={state} title={`Run state: ${state}`}>
    {state}
  </Badge>
);
