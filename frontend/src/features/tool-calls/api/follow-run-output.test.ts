import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '@/testing/test-utils';
import { catchUpOutput, chunkFromPayload, mergeChunks, OUTPUT_PAGE_SIZE } from './follow-run-output';

const chunk = (sequence: number) => ({ sequence, stream: 'stdout' as const, text: `${sequence}` });

describe('run output', () => {
  it('merges chunks once each, in sequence order', () => {
    expect(mergeChunks([chunk(1), chunk(2)], [chunk(3)])).toEqual([chunk(1), chunk(2), chunk(3)]);
    expect(mergeChunks([chunk(1), chunk(3)], [chunk(2), chunk(3)])).toEqual([chunk(1), chunk(2), chunk(3)]);
  });

  it('reads page after page after the last known chunk until a short page', async () => {
    const api = mockApi({
      'GET /api/tool-calls/r1/output': ({ search }) => {
        const after = Number(search.get('after') ?? 0);
        const count = after < OUTPUT_PAGE_SIZE ? OUTPUT_PAGE_SIZE : 3;
        return jsonResponse({ items: Array.from({ length: count }, (_, i) => chunk(after + i + 1)), truncated: true, finished: true });
      },
    });

    const output = await catchUpOutput('r1', { chunks: [chunk(1)], truncated: false, finished: false });

    expect(api.calls.map((c) => c.search.toString())).toEqual([`after=1&size=${OUTPUT_PAGE_SIZE}`, `after=${OUTPUT_PAGE_SIZE + 1}&size=${OUTPUT_PAGE_SIZE}`]);
    expect(output.chunks).toHaveLength(OUTPUT_PAGE_SIZE + 4);
    expect(output).toMatchObject({ truncated: true, finished: true });
  });

  it('takes the chunk an event carries only when it is whole', () => {
    expect(chunkFromPayload({ sequence: 4, stream: 'stderr', text: 'x' })).toEqual({ sequence: 4, stream: 'stderr', text: 'x' });
    expect(chunkFromPayload({ sequence: 4 })).toBeUndefined();
    expect(chunkFromPayload(null)).toBeUndefined();
  });
});
