import type { CommandDetail, CommandSummary } from '@/features/slash-commands/types';
import type { Approval, ToolCallDetail, ToolCallSummary } from '@/features/tool-calls/types';
import type { Delivery, Hook } from '@/features/hooks/types';
import type { Policy, Rule, Simulation } from '@/features/permissions/types';
import type { Subagent } from '@/features/subagents/types';
import { vi } from 'vitest';

export const COMMAND_ID = 'c0000000-0000-4000-8000-000000000001';
export const RUN_ID = 'r0000000-0000-4000-8000-000000000001';
export const HOOK_ID = 'h0000000-0000-4000-8000-000000000001';
export const SUBAGENT_ID = 'a0000000-0000-4000-8000-000000000001';

export const aCommandSummary = (overrides: Partial<CommandSummary> = {}): CommandSummary => ({
  id: COMMAND_ID,
  name: 'deploy',
  description: 'Deploy the app',
  argumentHint: '[environment]',
  workingDirectory: null,
  shared: false,
  ownerId: 'ada',
  mine: true,
  runCount: 3,
  lastRunAt: '2026-11-24T10:00:00Z',
  lastRunStatus: 'completed',
  updatedAt: '2026-11-24T09:00:00Z',
  version: 2,
  ...overrides,
});

export const aCommand = (overrides: Partial<CommandDetail> = {}): CommandDetail => ({
  ...aCommandSummary(),
  script: './deploy.sh "$1"',
  allowedTools: ['Bash(./deploy.sh:*)'],
  model: null,
  frontmatter: null,
  ...overrides,
});

export const aRunSummary = (overrides: Partial<ToolCallSummary> = {}): ToolCallSummary => ({
  id: RUN_ID,
  tool: 'Bash',
  summary: './deploy.sh staging',
  origin: 'slash_command',
  commandId: COMMAND_ID,
  commandName: 'deploy',
  sessionId: null,
  subagentId: null,
  status: 'completed',
  outcome: 'allow',
  decidedBy: { ruleId: 'rule-1', rule: 'Bash(./deploy.sh:*)', outcome: 'allow', scope: 'user', policy: null, priority: null },
  exitCode: 0,
  durationMs: 1250,
  requestedAt: '2026-11-24T10:00:00Z',
  startedAt: '2026-11-24T10:00:01Z',
  finishedAt: '2026-11-24T10:00:02Z',
  truncated: false,
  ...overrides,
});

export const aRun = (overrides: Partial<ToolCallDetail> = {}): ToolCallDetail => ({
  ...aRunSummary(),
  input: { command: './deploy.sh staging', description: 'deploy' },
  inputHash: 'hash-1',
  reason: 'allowed by rule Bash(./deploy.sh:*)',
  approval: null,
  hooks: [],
  ...overrides,
});

export const anApproval = (overrides: Partial<Approval> = {}): Approval => ({
  toolCallId: RUN_ID,
  tool: 'Bash',
  summary: 'git push origin main',
  input: { command: 'git push origin main' },
  inputHash: 'hash-abc',
  sessionId: 'session-1',
  subagentId: null,
  commandName: 'push',
  decidedBy: { ruleId: 'rule-9', rule: 'Bash(git push:*)', outcome: 'ask', scope: 'user', policy: null, priority: null },
  requestedAt: new Date(Date.now() - 60_000).toISOString(),
  expiresAt: new Date(Date.now() + 14 * 60_000).toISOString(),
  status: 'pending',
  decidedByUser: null,
  comment: null,
  ...overrides,
});

export const aRule = (overrides: Partial<Rule> = {}): Rule => ({
  id: 'rule-1',
  rule: 'Bash(npm run test:*)',
  tool: 'Bash',
  specifier: 'npm run test:*',
  outcome: 'allow',
  scope: 'user',
  subagentId: null,
  sessionId: null,
  ownerId: 'ada',
  createdAt: '2026-11-24T10:00:00Z',
  ...overrides,
});

export const aPolicy = (overrides: Partial<Policy> = {}): Policy => ({
  slug: 'read-only',
  name: 'Read only',
  description: 'Reads, never writes.',
  builtIn: true,
  rules: [
    { rule: 'Read', outcome: 'allow' },
    { rule: 'Write', outcome: 'deny' },
  ],
  ...overrides,
});

/** A policy of your own: it has an id and a version, and can be edited and deleted. */
export const anOwnPolicy = (overrides: Partial<Policy> = {}): Policy => ({
  id: 'p0000000-0000-4000-8000-000000000001',
  slug: 'no-network',
  name: 'No network',
  title: 'No network',
  description: 'Keeps agents offline.',
  builtIn: false,
  rules: [
    { rule: 'Bash(curl *)', outcome: 'deny' },
    { rule: 'WebFetch', outcome: 'deny' },
  ],
  updatedAt: '2026-11-26T10:00:00Z',
  version: 3,
  ...overrides,
});

export const aSimulation = (overrides: Partial<Simulation> = {}): Simulation => ({
  outcome: 'deny',
  reason: 'denied by session rule Bash(git push:*)',
  decidedBy: { ruleId: 'rule-3', rule: 'Bash(git push:*)', outcome: 'deny', scope: 'session', policy: null, priority: null },
  shadowed: [
    { ruleId: 'rule-4', rule: 'Bash(git:*)', outcome: 'ask', scope: 'user', policy: null, priority: null },
    { ruleId: null, rule: 'Bash', outcome: 'allow', scope: 'policy', policy: 'safe-core', priority: 10 },
  ],
  ...overrides,
});

export const aHook = (overrides: Partial<Hook> = {}): Hook => ({
  id: HOOK_ID,
  name: 'audit log',
  event: 'PreToolUse',
  matcher: 'Bash',
  type: 'webhook',
  url: 'https://example.com/hook',
  command: null,
  sessionId: null,
  subagentId: null,
  timeoutSeconds: 10,
  active: true,
  onFailure: 'block',
  deliveries: 2,
  failures: 1,
  lastDeliveryAt: '2026-11-24T10:00:00Z',
  createdAt: '2026-11-20T10:00:00Z',
  version: 1,
  ...overrides,
});

export const aDelivery = (overrides: Partial<Delivery> = {}): Delivery => ({
  id: 'd-1',
  hookId: HOOK_ID,
  webhookId: 'msg_1',
  toolCallId: RUN_ID,
  event: 'PreToolUse',
  status: 'delivered',
  attempts: [{ number: 1, at: '2026-11-24T10:00:00Z', outcome: 'delivered', responseCode: 200, durationMs: 85, error: null }],
  nextAttemptAt: null,
  createdAt: '2026-11-24T10:00:00Z',
  ...overrides,
});

export const aSubagent = (overrides: Partial<Subagent> = {}): Subagent => ({
  id: SUBAGENT_ID,
  name: 'code-reviewer',
  description: 'Reviews code',
  prompt: 'You review code.',
  tools: ['Read', 'Grep'],
  model: 'sonnet',
  settings: null,
  shared: false,
  ownerId: 'ada',
  mine: true,
  policies: [],
  frontmatter: null,
  updatedAt: '2026-11-24T10:00:00Z',
  version: 1,
  ...overrides,
});

/** Catches `saveFile` downloads: the file name and its text. */
export const captureDownloads = () => {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    writable: true,
    value: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:download-${blobs.length}`;
    }),
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, text: (index = 0) => blobs[index].text() };
};
