import { useEffect, useState } from 'react';
import { formatDateTime } from '@/lib/format';

const pad = (n: number) => String(n).padStart(2, '0');

/** `14:05` or `1:02:03` until `until`; `null` once it has passed. */
export const remainingText = (until: string, now: number): string | null => {
  const left = Math.floor((Date.parse(until) - now) / 1000);
  if (Number.isNaN(left) || left <= 0) return null;
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  return hours ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
};

export type CountdownProps = {
  until: string | null | undefined;
  /** Said once the moment has passed. */
  expiredText?: string;
  /** Below this many seconds the countdown turns urgent. */
  urgentBelowSeconds?: number;
  testId?: string;
};

/** "in 14:05", ticking every second, with the exact time on hover. */
export const Countdown = ({ until, expiredText = 'expired', urgentBelowSeconds = 60, testId }: CountdownProps) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [until]);
  if (!until) return <span className="muted">—</span>;
  const left = remainingText(until, now);
  const urgent = left !== null && Date.parse(until) - now < urgentBelowSeconds * 1000;
  return (
    <time
      dateTime={until}
      title={formatDateTime(until)}
      className={['countdown', left === null ? 'countdown--over' : urgent ? 'countdown--urgent' : ''].filter(Boolean).join(' ')}
      data-testid={testId}
    >
      {left === null ? expiredText : `in ${left}`}
    </time>
  );
};
