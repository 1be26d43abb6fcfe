export type PolicyAssignment = { policy: string; priority: number };

export type Subagent = {
  id: string;
  name: string;
  description: string | null;
  prompt: string | null;
  tools: string[] | null;
  model: string | null;
  settings: Record<string, unknown> | null;
  shared: boolean;
  ownerId: string | null;
  mine: boolean;
  policies: PolicyAssignment[];
  frontmatter: Record<string, unknown> | null;
  updatedAt: string | null;
  version: number;
};

export type SubagentInput = {
  name: string;
  description: string;
  prompt: string;
  tools?: string[];
  model?: string | null;
  settings?: Record<string, unknown> | null;
  shared?: boolean;
};

export type WriteResult = { id: string; version: number };

export type ImportResult = {
  imported: { path: string; id: string; name: string }[];
  failed: { path: string; code?: string; detail?: string }[];
};

/** A permission policy to assign (`GET /api/permission-policies`): built-in, or one of your own. */
export type PolicyChoice = { slug: string; name: string; title?: string; description: string | null; builtIn: boolean };

export const SUBAGENT_NAME_TAKEN = 'SUBAGENT_NAME_TAKEN';
export const isSubagentEvent = (type: string): boolean => type.startsWith('subagent.');
/** A policy written, revised or removed: the choices of the policy picker change. */
export const isPolicyEvent = (type: string): boolean => type.startsWith('permission.policy-');
