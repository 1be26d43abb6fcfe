import { describe, expect, it } from 'vitest';
import { isAgentRun, kindOf, startedRunPath } from './types';

describe('slash command types', () => {
  it('opens the agent run of a prompt and the tool call of a script', () => {
    const agentRun = { runId: 'run 1', traceId: 't', sessionId: 's' };
    const toolCall = { id: 'call-1', status: 'running' };

    expect(isAgentRun(agentRun)).toBe(true);
    expect(isAgentRun(toolCall)).toBe(false);
    expect(startedRunPath(agentRun)).toBe('/runs/run%201');
    expect(startedRunPath(toolCall)).toBe('/tool-calls/call-1');
  });

  it('reads a command without a kind as a script', () => {
    expect(kindOf({})).toBe('script');
    expect(kindOf({ kind: null })).toBe('script');
    expect(kindOf({ kind: 'prompt' })).toBe('prompt');
  });
});
