export const RUN_STATES = ['running', 'awaiting_approval', 'completed', 'failed', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** A run that may still change: its output streams, its tool calls settle, it may be cancelled. */
export const isRunActive = (state: string | null | undefined): boolean => state === 'running' || state === 'awaiting_approval';

/** A tool call the run asked for, as the conversation shows it. */
export type RunToolCall = {
  toolCallId: string;
  step: number;
  tool: string;
  input: Record<string, unknown> | null;
  /** The tool call's wire status (`awaiting_approval`, `completed`, `denied`…). */
  status: string;
  output: string | null;
  /** Whether what went back to the model was an error (a denial, a failed command). */
  error: boolean;
};

/** `GET /api/runs/{runId}`: one agent run answering one prompt. */
export type RunView = {
  id: string;
  sessionId: string;
  ownerId: string | null;
  ownerName?: string | null;
  traceId: string | null;
  runtime: string | null;
  model: string | null;
  state: RunState;
  steps: number;
  inputTokens: number;
  outputTokens: number;
  /** US dollars. */
  cost: number | null;
  prompt: string | null;
  promptInteractionId?: string | null;
  /** The text streamed so far by the step in progress (the answer once the run completed). */
  output: string | null;
  answer: string | null;
  errorCode: string | null;
  error: string | null;
  /** One line per fallback, e.g. `openclaw → openai: connection refused`. */
  fallbacks: string[] | null;
  toolCalls: RunToolCall[] | null;
  startedAt: string | null;
  endedAt: string | null;
  version: number;
  /** Only in the rankings of `/api/observability/runs`. */
  durationMillis?: number | null;
};

/** What `POST /api/sessions/{id}/prompt` answers: `runId`/`traceId` only when a runtime took the prompt. */
export type PromptResult = {
  id: string;
  version: number;
  interactionId?: string;
  runId?: string;
  traceId?: string;
};

/** What `POST /api/runs/{runId}/cancel` answers. */
export type RunWriteResult = { id: string; version: number };

export type Runtime = { name: string; configured: boolean; deterministic: boolean; defaultModel: string | null };

/** `GET /api/runtimes`. */
export type RuntimeCatalog = { defaultRuntime: string | null; runtimes: Runtime[] };

export const SPAN_KINDS = ['run', 'model', 'tool'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export type Span = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKind | string;
  startedAt: string | null;
  endedAt: string | null;
  durationMillis: number | null;
  /** `gen_ai.*` keys, cost, tokens… as the node recorded them. */
  attributes: Record<string, unknown> | null;
  eventIds: string[] | null;
};

/** `GET /api/traces/{traceId}`. */
export type Trace = { traceId: string; runId: string | null; sessionId: string | null; spans: Span[] };

export const USAGE_GROUPS = ['model', 'tool', 'day', 'session'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

export type UsageRow = {
  key: string;
  runs: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  avgLatencyMillis: number | null;
};

/** `GET /api/observability/usage`. */
export type UsageReport = { groupBy: UsageGroup; days: number; rows: UsageRow[] };

export const RUN_RANKINGS = ['slowest', 'costliest'] as const;
export type RunRanking = (typeof RUN_RANKINGS)[number];

export const RUN_STARTED = 'run.started';
export const RUN_OUTPUT_STREAMED = 'run.assistant-output-streamed';

/** Every run event type the stream sends. */
export const RUN_EVENT_TYPES = [
  RUN_STARTED,
  RUN_OUTPUT_STREAMED,
  'run.model-call-completed',
  'run.tool-call-requested',
  'run.awaiting-approval',
  'run.approval-decided',
  'run.tool-result-received',
  'run.completed',
  'run.failed',
  'run.cancelled',
  'run.runtime-fell-back',
] as const;

export const isRunEvent = (type: string): boolean => type.startsWith('run.');

/** Events after which the run's row in a list looks different (its state). */
export const changesRunState = (type: string): boolean =>
  type === RUN_STARTED ||
  type === 'run.awaiting-approval' ||
  type === 'run.approval-decided' ||
  type === 'run.tool-result-received' ||
  /^run\.(completed|failed|cancelled)$/.test(type);
