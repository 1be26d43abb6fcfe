import { Badge, type BadgeTone } from '@/components/badge';
import type { Outcome } from '../types';

const TONES: Record<Outcome, BadgeTone> = { allow: 'success', ask: 'warning', deny: 'danger' };

export const OutcomeBadge = ({ outcome, testId, muted = false }: { outcome: Outcome | string; testId?: string; muted?: boolean }) => (
  <Badge tone={muted ? 'muted' : (TONES[outcome as Outcome] ?? 'neutral')} data-testid={testId} data-outcome={outcome}>
    {outcome}
  </Badge>
);
