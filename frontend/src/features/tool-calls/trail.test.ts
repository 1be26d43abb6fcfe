import { describe, expect, it } from 'vitest';
import { describeTrailEntry, trailRows } from './trail';

describe('describeTrailEntry', () => {
  it.each([
    [{ type: 'toolcall.permission-evaluated', payload: { outcome: 'deny', decidedBy: null, reason: 'no rule matched' } }, 'Permission deny (no rule matched): no rule matched'],
    [{ type: 'denied', payload: { decidedBy: 'bob', comment: 'not on Fridays' } }, 'Denied by bob — “not on Fridays”'],
    [{ type: 'toolcall.approved', byEmail: 'ada@example.com', payload: { by: 'user-7', comment: 'ok' } }, 'Approved by ada@example.com — “ok”'],
    [
      { type: 'toolcall.permission-evaluated', payload: { outcome: 'allow', decidedBy: { rule: 'Read(src/**)', scope: 'session', policy: null } } },
      'Permission allow by rule Read(src/**) (session)',
    ],
    [{ type: 'toolcall.approval-requested', payload: { expiresAt: 'soon-ish' } }, 'Approval requested'],
    [{ type: 'toolcall.approval-expired', payload: {} }, 'Approval expired: nobody decided in time'],
    [{ type: 'toolcall.blocked', payload: { by: 'hook audit', reason: 'exit 2' } }, 'Blocked by hook audit: exit 2'],
    [{ type: 'toolcall.failed', payload: { exitCode: 1 } }, 'Failed with exit code 1'],
    [{ type: 'toolcall.timed-out', payload: { timeoutSeconds: 30 } }, 'Timed out after 30 s'],
    [{ type: 'toolcall.something-new', payload: { reason: 'why not' } }, 'Something new: why not'],
    [{ type: 'toolcall.completed', summary: 'The server said it' }, 'The server said it'],
  ])('reads %j as "%s"', (entry, line) => {
    expect(describeTrailEntry(entry)).toBe(line);
  });

  it('folds consecutive output events into one row and keeps the others', () => {
    const rows = trailRows([
      { type: 'run-started', at: 't1' },
      { type: 'output-recorded', at: 't2' },
      { type: 'output-recorded', at: 't3' },
      { type: 'output-recorded', at: 't4' },
      { type: 'completed', at: 't5', payload: { exitCode: 0 } },
    ]);
    expect(rows.map((row) => [row.type, row.at, row.line])).toEqual([
      ['run-started', 't1', 'Run started'],
      ['output-recorded', 't2', 'Output recorded: 3 chunks'],
      ['completed', 't5', 'Completed with exit code 0'],
    ]);
  });
});

describe('describeTrailEntry with expiry times', () => {
  it('reads an expiry as epoch seconds or as ISO text', () => {
    const at = new Date('2026-11-25T10:15:00Z');
    const expected = `Approval requested, expires ${at.toLocaleTimeString()}`;
    expect(describeTrailEntry({ type: 'toolcall.approval-requested', payload: { expiresAt: at.getTime() / 1000 } })).toBe(expected);
    expect(describeTrailEntry({ type: 'toolcall.approval-requested', payload: { expiresAt: '1795601700.000000000' } })).toBe(expected);
    expect(describeTrailEntry({ type: 'toolcall.approval-requested', payload: { expiresAt: at.toISOString() } })).toBe(expected);
  });
});
