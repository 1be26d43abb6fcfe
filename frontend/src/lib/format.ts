const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

/** "just now", "3 minutes ago", "in 2 hours" relative to `now`. */
export const formatRelativeTime = (iso: string | null | undefined, now: number = Date.now()): string => {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), 'minute');
};

export const formatDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : absolute.format(time);
};

/** `auto_accept` → `auto accept`, for labels only; the wire value stays untouched elsewhere. */
export const humanize = (wireValue: string): string => wireValue.replaceAll('_', ' ');

/** 850 → "850 ms", 12_300 → "12.3 s", 125_000 → "2 min 5 s". */
export const formatDuration = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1).replace(/\.?0+$/, '')} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
};

/** A short form of a UUID for labels: the first 8 characters. */
export const shortId = (id: string | null | undefined): string => (id ? id.slice(0, 8) : '—');

const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** "14:03:27", for event times within one run. */
export const formatClock = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : clock.format(time);
};

/** 1 → "1 event", 1234 → "1,234 events"; `many` for irregular plurals. */
export const formatCount = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** US dollars: 0 → "$0", 1.5 → "$1.50", 0.012345 → "$0.0123": model calls cost fractions of a cent. */
export const formatCost = (usd: number | null | undefined): string => {
  if (usd === null || usd === undefined || Number.isNaN(usd)) return '—';
  if (usd === 0) return '$0';
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  if (Math.abs(usd) < 0.000001) return '<$0.000001';
  return `$${Number(usd.toPrecision(3))}`;
};

/** Milliseconds between two instants, or until now while the second is missing. */
export const elapsedMillis = (from: string | null | undefined, to: string | null | undefined, now: number = Date.now()): number | null => {
  const start = from ? Date.parse(from) : Number.NaN;
  if (Number.isNaN(start)) return null;
  const end = to ? Date.parse(to) : now;
  return Number.isNaN(end) ? null : Math.max(0, end - start);
};
