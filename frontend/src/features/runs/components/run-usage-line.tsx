import { useEffect, useState } from 'react';
import { elapsedMillis, formatCost, formatCount, formatDuration } from '@/lib/format';
import { isRunActive, type RunView } from '../types';

/** Re-renders every second while `ticking`, so a running run's latency counts up. */
const useNow = (ticking: boolean): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
};

/** "2 steps · 1,200 in / 80 out tokens · $0.0031 · 4.2 s": what the run used so far. */
export const RunUsageLine = ({ run }: { run: RunView }) => {
  const active = isRunActive(run.state);
  const now = useNow(active);
  const latency = run.durationMillis ?? elapsedMillis(run.startedAt, run.endedAt, now);
  return (
    <p className="run-usage muted" data-testid="agent-run-usage">
      <span>{formatCount(run.steps ?? 0, 'step')}</span>
      <span data-testid="agent-run-tokens">
        {(run.inputTokens ?? 0).toLocaleString('en')} in / {(run.outputTokens ?? 0).toLocaleString('en')} out tokens
      </span>
      <span data-testid="agent-run-cost">{formatCost(run.cost ?? 0)}</span>
      <span data-testid="agent-run-latency">
        {formatDuration(latency)}
        {active ? ' so far' : ''}
      </span>
    </p>
  );
};
