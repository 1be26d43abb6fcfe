import { describe, expect, it } from 'vitest';
import { aSpan, aTrace } from '@/testing/run-fixtures';
import { layOutWaterfall } from './trace-layout';

describe('layOutWaterfall', () => {
  it('nests children under their parent in start order and places bars by start and duration', () => {
    const spans = aTrace().spans;

    const { rows, totalMillis } = layOutWaterfall([...spans].reverse());

    expect(totalMillis).toBe(4000);
    expect(rows.map((row) => [row.span.name, row.depth])).toEqual([
      ['invoke_agent local', 0],
      ['chat local-deterministic', 1],
      ['execute_tool Bash', 1],
    ]);
    expect(rows.map((row) => [row.offsetPercent, row.widthPercent])).toEqual([
      [0, 100],
      [0, 25],
      [25, 50],
    ]);
  });

  it('keeps a span whose parent is missing, as a root', () => {
    const orphan = aSpan({ spanId: 'orphan', parentSpanId: 'gone', name: 'late tool', startedAt: '2026-12-05T10:00:02Z', durationMillis: 10, endedAt: null });

    const { rows } = layOutWaterfall([aSpan(), orphan]);

    expect(rows.map((row) => [row.span.spanId, row.depth])).toEqual([
      ['00f067aa0ba902b7', 0],
      ['orphan', 0],
    ]);
  });

  it('measures an open span up to now and gives an instant one a visible bar', () => {
    const open = aSpan({ endedAt: null, durationMillis: null });
    const instant = aSpan({ spanId: 'instant', parentSpanId: open.spanId, startedAt: '2026-12-05T10:00:05Z', endedAt: '2026-12-05T10:00:05Z', durationMillis: 0 });

    const { rows, totalMillis } = layOutWaterfall([open, instant], Date.parse('2026-12-05T10:00:10Z'));

    expect(totalMillis).toBe(10_000);
    expect(rows[0].durationMillis).toBe(10_000);
    expect(rows[1].offsetPercent).toBe(50);
    expect(rows[1].widthPercent).toBeGreaterThan(0);
  });

  it('survives a parent cycle without looping or dropping spans', () => {
    const a = aSpan({ spanId: 'a', parentSpanId: 'b' });
    const b = aSpan({ spanId: 'b', parentSpanId: 'a' });

    expect(layOutWaterfall([a, b]).rows.map((row) => row.span.spanId).sort()).toEqual(['a', 'b']);
  });
});
