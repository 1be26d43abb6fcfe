import { describe, expect, it } from 'vitest';
import { buildSessionsQuery } from './list-sessions';

describe('buildSessionsQuery', () => {
  it('asks for the first page of 20 without filters', () => {
    expect(buildSessionsQuery({})).toBe('size=20');
  });

  it('repeats status and adds every set filter', () => {
    const query = buildSessionsQuery({
      status: ['planning', 'paused'],
      mode: 'auto_accept',
      source: 'terminal_handoff',
      q: '  auth refactor ',
      page: 2,
      size: 50,
    });

    expect(query).toBe('status=planning&status=paused&mode=auto_accept&source=terminal_handoff&q=auth+refactor&page=2&size=50');
  });

  it('leaves out a blank search', () => {
    expect(buildSessionsQuery({ q: '   ' })).toBe('size=20');
  });
});
