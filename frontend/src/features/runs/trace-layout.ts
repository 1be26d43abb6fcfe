import type { Span } from './types';

/** One row of the waterfall: the span, how deep it sits in the tree, and where its bar goes (percent of the trace). */
export type SpanRow = { span: Span; depth: number; offsetPercent: number; widthPercent: number; durationMillis: number | null };

export type Waterfall = { rows: SpanRow[]; startMillis: number | null; totalMillis: number };

/** A bar never narrower than this, so an instant span can still be seen and clicked. */
const MIN_WIDTH_PERCENT = 0.6;

const startOf = (span: Span): number | null => {
  const time = span.startedAt ? Date.parse(span.startedAt) : Number.NaN;
  return Number.isNaN(time) ? null : time;
};

/** Its end: as recorded, else start plus duration, else (still open) `now`. */
const endOf = (span: Span, now: number): number | null => {
  const ended = span.endedAt ? Date.parse(span.endedAt) : Number.NaN;
  if (!Number.isNaN(ended)) return ended;
  const start = startOf(span);
  if (start === null) return null;
  return span.durationMillis !== null && span.durationMillis !== undefined ? start + span.durationMillis : Math.max(now, start);
};

/**
 * Lays the spans out as a tree in start order (a span whose parent is missing is a root, so nothing is
 * lost), each bar placed by its start and sized by its duration within the whole trace.
 */
export const layOutWaterfall = (spans: readonly Span[], now: number = Date.now()): Waterfall => {
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string | null, Span[]>();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) && span.parentSpanId !== span.spanId ? span.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const byStart = (a: Span, b: Span) => (startOf(a) ?? Number.MAX_SAFE_INTEGER) - (startOf(b) ?? Number.MAX_SAFE_INTEGER);

  const starts = spans.map(startOf).filter((time): time is number => time !== null);
  const ends = spans.map((span) => endOf(span, now)).filter((time): time is number => time !== null);
  const startMillis = starts.length ? Math.min(...starts) : null;
  const totalMillis = startMillis === null ? 0 : Math.max(...ends, startMillis) - startMillis;

  const rows: SpanRow[] = [];
  const seen = new Set<string>();
  const visit = (span: Span, depth: number) => {
    if (seen.has(span.spanId)) return;
    seen.add(span.spanId);
    const start = startOf(span);
    const end = endOf(span, now);
    const duration = span.durationMillis ?? (start !== null && end !== null ? end - start : null);
    const offset = start === null || startMillis === null || totalMillis === 0 ? 0 : ((start - startMillis) / totalMillis) * 100;
    const width = totalMillis === 0 || duration === null ? 100 - offset : (duration / totalMillis) * 100;
    rows.push({
      span,
      depth,
      offsetPercent: Math.min(offset, 100 - MIN_WIDTH_PERCENT),
      widthPercent: Math.max(Math.min(width, 100 - offset), MIN_WIDTH_PERCENT),
      durationMillis: duration,
    });
    for (const child of [...(children.get(span.spanId) ?? [])].sort(byStart)) visit(child, depth + 1);
  };
  for (const root of [...(children.get(null) ?? [])].sort(byStart)) visit(root, 0);
  // Spans caught in a parent cycle reach no root: shown at the top level rather than dropped.
  for (const span of [...spans].sort(byStart)) visit(span, 0);
  return { rows, startMillis, totalMillis };
};
