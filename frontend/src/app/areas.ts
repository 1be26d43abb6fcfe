/** Every area of the product, in navigation order; `ready` ones are built, the others say "coming soon". */
export type Area = { path: string; label: string; icon: string; summary: string; ready: boolean };

export const AREAS: Area[] = [
  { path: 'sessions', label: 'Sessions', icon: '▤', ready: true, summary: 'Agent sessions: prompts, modes, status and timelines.' },
  { path: 'slash-commands', label: 'Slash commands', icon: '/', ready: true, summary: 'Reusable slash commands the agents can run, with their executions.' },
  { path: 'tool-calls', label: 'Tool calls', icon: '▶', ready: true, summary: 'Every tool call and command run: its decision, approval, hooks and live output.' },
  { path: 'subagents', label: 'Subagents', icon: '◇', ready: true, summary: 'Specialised subagents, their prompts, their tools and their permission policies.' },
  { path: 'tool-calls/approvals', label: 'Approvals', icon: '✓', ready: true, summary: 'Actions waiting for a human decision before an agent may proceed.' },
  { path: 'permissions', label: 'Permissions', icon: '◈', ready: true, summary: 'Which tools and commands agents may use: rules per scope, policies and a simulator.' },
  { path: 'hooks', label: 'Hooks', icon: '↯', ready: true, summary: 'Webhooks and scripts triggered by agent events, with their deliveries.' },
  { path: 'claude-md', label: 'CLAUDE.md docs', icon: '¶', ready: false, summary: 'The CLAUDE.md guidance documents given to agents, with their history.' },
  { path: 'github-prs', label: 'GitHub PRs', icon: '↱', ready: false, summary: 'Pull requests opened by agent sessions and their review state.' },
  { path: 'agent-actions', label: 'Agent actions', icon: '⚡', ready: false, summary: 'Every tool call and file change agents made, searchable.' },
  { path: 'tasks', label: 'Tasks', icon: '☰', ready: false, summary: 'Work items handed to agents and their progress.' },
  { path: 'verification', label: 'Verification', icon: '✔', ready: false, summary: 'Checks and test runs that verify what the agents produced.' },
  { path: 'observability', label: 'Observability', icon: '◉', ready: true, summary: 'Cost, tokens and latency of agent runs by model, tool and day; the slowest and costliest runs and their traces.' },
  { path: 'nodes', label: 'Nodes & forwarding', icon: '⇄', ready: true, summary: 'This node\'s identity and signing key, and the nodes it accepts forwarded events from.' },
  { path: 'settings', label: 'Settings', icon: '⚙', ready: true, summary: 'Your passkeys, API tokens and GitHub link.' },
];

/** Areas only admins see, in their own part of the navigation. */
export const ADMIN_AREAS: Area[] = [
  { path: 'admin/users', label: 'Users & sign-up', icon: '☺', ready: true, summary: 'Accounts, admin roles, the sign-up policy and invitations.' },
  { path: 'admin/read-models', label: 'Read models', icon: '⟳', ready: true, summary: 'How far each read model has read the event store, its dead letters, and rebuilds.' },
];

/**
 * The area a path belongs to: the one with the longest matching path, so that the approvals inbox
 * (`/tool-calls/approvals`) lights up Approvals and not Tool calls as well.
 */
export const activeAreaPath = (pathname: string, areas: readonly Area[]): string | undefined =>
  areas
    .map((area) => area.path)
    .filter((path) => pathname === `/${path}` || pathname.startsWith(`/${path}/`))
    .sort((a, b) => b.length - a.length)[0];
