/** `^[a-z0-9][a-z0-9:_-]{0,63}$`: lower case, digits, `:` for namespaces, `_` and `-`. */
export const COMMAND_NAME_PATTERN = /^[a-z0-9][a-z0-9:_-]{0,63}$/;
export const SCRIPT_MAX_BYTES = 64 * 1024;

/** `script`: one Bash tool call; `prompt`: a Claude Code prompt template the session's agent runs. */
export type CommandKind = 'script' | 'prompt';

export const COMMAND_KINDS: readonly CommandKind[] = ['script', 'prompt'];

/** A command from before kinds, or a node that does not send one, is a script. */
export const kindOf = (command: { kind?: CommandKind | null }): CommandKind => command.kind ?? 'script';

export type CommandSummary = {
  id: string;
  name: string;
  description: string | null;
  argumentHint: string | null;
  workingDirectory: string | null;
  shared: boolean;
  ownerId: string | null;
  mine: boolean;
  runCount: number;
  lastRunAt: string | null;
  lastRunStatus: string | null;
  updatedAt: string | null;
  version: number;
  kind?: CommandKind | null;
};

export type CommandDetail = CommandSummary & {
  script: string;
  allowedTools: string[] | null;
  model: string | null;
  frontmatter: Record<string, unknown> | null;
};

export type CommandInput = {
  name: string;
  description?: string | null;
  script: string;
  workingDirectory?: string | null;
  argumentHint?: string | null;
  allowedTools?: string[];
  model?: string | null;
  shared?: boolean;
  kind?: CommandKind;
};

export type WriteResult = { id: string; version: number };

/** What executing a script answers: its tool call (`ToolCallDetail`; only what this feature reads). */
export type StartedToolCall = { id: string; status: string; [key: string]: unknown };

/** What executing a prompt answers: the agent run it started in the session. */
export type StartedAgentRun = { runId: string; traceId: string; sessionId: string };

/** What `POST /api/slash-commands/{id}/execute` answers, by the command's kind. */
export type StartedRun = StartedToolCall | StartedAgentRun;

export const isAgentRun = (run: StartedRun): run is StartedAgentRun => typeof (run as StartedAgentRun).runId === 'string';

/** The page of what an execute started: the agent run of a prompt, the tool call of a script. */
export const startedRunPath = (run: StartedRun): string =>
  isAgentRun(run) ? `/runs/${encodeURIComponent(run.runId)}` : `/tool-calls/${encodeURIComponent(run.id)}`;

export type ImportResult = {
  imported: { path: string; id: string; name: string }[];
  failed: { path: string; code?: string; detail?: string }[];
};

/** A run as the command page lists it (`ToolCallSummary`, the fields shown). */
export type CommandRun = {
  id: string;
  status: string;
  summary: string | null;
  exitCode: number | null;
  durationMs: number | null;
  requestedAt: string;
};

export const SLASH_COMMAND_NAME_TAKEN = 'SLASH_COMMAND_NAME_TAKEN';

export const isCommandEvent = (type: string): boolean => type.startsWith('slashcommand.');
