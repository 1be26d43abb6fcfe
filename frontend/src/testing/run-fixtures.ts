import type { RunView, RuntimeCatalog, Span, Trace } from '@/features/runs/types';
import { SESSION_ID } from './fixtures';

export const AGENT_RUN_ID = 'b0000000-0000-4000-8000-000000000001';
export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const TOOL_CALL_ID = 't0000000-0000-4000-8000-000000000001';

export const anAgentRun = (overrides: Partial<RunView> = {}): RunView => ({
  id: AGENT_RUN_ID,
  sessionId: SESSION_ID,
  ownerId: 'u-ada',
  ownerName: 'Ada Lovelace',
  traceId: TRACE_ID,
  runtime: 'local',
  model: 'local-deterministic',
  state: 'completed',
  steps: 2,
  inputTokens: 1200,
  outputTokens: 80,
  cost: 0,
  prompt: 'List the files',
  promptInteractionId: 'i-1',
  output: 'Here they are.',
  answer: 'Here they are.',
  errorCode: null,
  error: null,
  fallbacks: [],
  toolCalls: [],
  startedAt: '2026-12-05T10:00:00Z',
  endedAt: '2026-12-05T10:00:04.200Z',
  version: 6,
  ...overrides,
});

export const someRuntimes = (overrides: Partial<RuntimeCatalog> = {}): RuntimeCatalog => ({
  defaultRuntime: 'local',
  runtimes: [
    { name: 'local', configured: true, deterministic: true, defaultModel: 'local-deterministic' },
    { name: 'openai', configured: true, deterministic: false, defaultModel: 'gpt-4o-mini' },
    { name: 'openclaw', configured: false, deterministic: false, defaultModel: null },
  ],
  ...overrides,
});

export const aSpan = (overrides: Partial<Span> = {}): Span => ({
  spanId: '00f067aa0ba902b7',
  parentSpanId: null,
  name: 'invoke_agent local',
  kind: 'run',
  startedAt: '2026-12-05T10:00:00Z',
  endedAt: '2026-12-05T10:00:04Z',
  durationMillis: 4000,
  attributes: { 'gen_ai.operation.name': 'invoke_agent' },
  eventIds: ['e-1'],
  ...overrides,
});

export const aTrace = (overrides: Partial<Trace> = {}): Trace => ({
  traceId: TRACE_ID,
  runId: AGENT_RUN_ID,
  sessionId: SESSION_ID,
  spans: [
    aSpan(),
    aSpan({
      spanId: '1111111111111111',
      parentSpanId: '00f067aa0ba902b7',
      name: 'chat local-deterministic',
      kind: 'model',
      startedAt: '2026-12-05T10:00:00Z',
      endedAt: '2026-12-05T10:00:01Z',
      durationMillis: 1000,
      attributes: { 'gen_ai.request.model': 'local-deterministic', 'gen_ai.usage.input_tokens': 600, 'gen_ai.usage.output_tokens': 40, cost: 0 },
      eventIds: ['e-2', 'e-3'],
    }),
    aSpan({
      spanId: '2222222222222222',
      parentSpanId: '00f067aa0ba902b7',
      name: 'execute_tool Bash',
      kind: 'tool',
      startedAt: '2026-12-05T10:00:01Z',
      endedAt: '2026-12-05T10:00:03Z',
      durationMillis: 2000,
      attributes: { 'gen_ai.tool.name': 'Bash' },
      eventIds: ['e-4'],
    }),
  ],
  ...overrides,
});
