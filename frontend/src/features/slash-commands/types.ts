/** `^[a-z0-9][a-z0-9:_-]{0,63}$`: lower case, digits, `:` for namespaces, `_` and `-`. */
export const COMMAND_NAME_PATTERN = /^[a-z0-9][a-z0-9:_-]{0,63}$/;
export const SCRIPT_MAX_BYTES = 64 * 1024;

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
};

export type WriteResult = { id: string; version: number };

/** What `POST /api/slash-commands/{id}/execute` answers (the run's `ToolCallDetail`; only what this feature reads). */
export type StartedRun = { id: string; status: string; [key: string]: unknown };

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
