import { useEffect, useState } from 'react';
import { formatDateTime, formatRelativeTime } from '@/lib/format';

/** "3 minutes ago", kept fresh every 30 s, with the exact time on hover and for machines. */
export const RelativeTime = ({ value }: { value: string | null | undefined }) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelativeTime(value, now)}
    </time>
  );
};
