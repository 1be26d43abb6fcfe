import { describe, expect, it } from 'vitest';
import { remainingText } from '@/components/countdown';
import { jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import { api } from './api-client';
import { formatDuration } from './format';
import { loadAtVersion } from './read-your-writes';
import { formatToolList, parseToolList } from './tool-list';

describe('parseToolList', () => {
  it('splits on commas and new lines, never inside a rule', () => {
    expect(parseToolList('Bash(git add:*), Read\nWebFetch(domain:a.com,b.com) ,')).toEqual(['Bash(git add:*)', 'Read', 'WebFetch(domain:a.com,b.com)']);
    expect(parseToolList('  ')).toEqual([]);
    expect(formatToolList(['Read', 'Grep'])).toBe('Read, Grep');
  });
});

describe('loadAtVersion', () => {
  it('reads again until the read side reached the written version, through 404s of something just created', async () => {
    let reads = 0;
    const load = async () => {
      reads += 1;
      if (reads === 1) throw await api.get('/x').catch((error: unknown) => error);
      return { version: reads };
    };
    mockApi({ 'GET /x': () => problemResponse({ status: 404, title: 'Not found' }) });

    expect(await loadAtVersion(load, 3, { delayMs: 1 })).toEqual({ version: 3 });
    expect(reads).toBe(3);
  });

  it('gives the last answer when the read side stays behind', async () => {
    expect(await loadAtVersion(async () => ({ version: 1 }), 5, { attempts: 2, delayMs: 1 })).toEqual({ version: 1 });
  });
});

describe('api.text', () => {
  it('reads a markdown answer as text and asks for markdown', async () => {
    const { calls } = mockApi({ 'GET /api/slash-commands/c1/export': () => new Response('# hi', { headers: { 'Content-Type': 'text/markdown' } }) });
    expect((await api.text('/api/slash-commands/c1/export')).data).toBe('# hi');
    expect(calls[0].headers.get('Accept')).toMatch(/^text\/markdown/);
  });

  it('throws the problem of a failed export', async () => {
    mockApi({ 'GET /api/slash-commands/c1/export': () => problemResponse({ status: 404, title: 'Not found', detail: 'No such command.' }) });
    await expect(api.text('/api/slash-commands/c1/export')).rejects.toThrow('No such command.');
    mockApi({ 'GET /ok': () => jsonResponse({}) });
  });
});

describe('formatting', () => {
  it.each([
    [850, '850 ms'],
    [1_250, '1.25 s'],
    [12_300, '12.3 s'],
    [125_000, '2 min 5 s'],
    [null, '—'],
  ])('formats %s ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('counts down to a moment, and stops once it has passed', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(remainingText('2026-11-24T10:14:05Z', now)).toBe('14:05');
    expect(remainingText('2026-11-24T11:02:03Z', now)).toBe('1:02:03');
    expect(remainingText('2026-11-24T09:59:59Z', now)).toBeNull();
  });
});
