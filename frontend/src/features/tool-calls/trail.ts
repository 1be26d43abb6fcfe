import { formatDuration } from '@/lib/format';
import type { TrailEntry } from './types';

/** `toolcall.permission-evaluated` and `permission-evaluated` both read `permission-evaluated`. */
export const trailType = (entry: TrailEntry): string =>
  String(entry.type ?? entry.event ?? 'event').replace(/^toolcall\./, '');

export const trailTime = (entry: TrailEntry): string | undefined => entry.at ?? entry.timestamp ?? entry.occurredAt;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined;

const ruleText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const ref = value as { rule?: unknown; scope?: unknown; policy?: unknown };
    const rule = text(ref.rule);
    if (!rule) return undefined;
    const where = [text(ref.scope), text(ref.policy) && `policy ${String(ref.policy)}`].filter(Boolean).join(', ');
    return where ? `${rule} (${where})` : rule;
  }
  return undefined;
};

const by = (who: unknown) => (text(who) ? ` by ${String(who)}` : '');
/** An instant as events carry it: ISO text, or epoch seconds (with a fraction) as stored by the node's serializer. */
const instant = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const numeric = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(String(value)) ? Number(value) : NaN;
  const date = Number.isNaN(numeric) ? new Date(String(value)) : new Date(numeric * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
};
const because = (reason: unknown) => (text(reason) ? `: ${String(reason)}` : '');
const quoted = (comment: unknown) => (text(comment) ? ` — “${String(comment)}”` : '');

/** A readable line for one event of a call's trail, from whatever its payload tells. */
export const describeTrailEntry = (entry: TrailEntry): string => {
  const own = text(entry.summary) ?? text(entry.description) ?? text(entry.message);
  if (own) return own;
  const p = (entry.payload ?? {}) as Record<string, unknown>;
  const input = (p.input ?? {}) as Record<string, unknown>;
  switch (trailType(entry)) {
    case 'requested': {
      const what = text(p.summary) ?? text(input.command);
      return `Requested ${text(p.tool) ?? 'a tool call'}${what ? `: ${what}` : ''}`;
    }
    case 'permission-evaluated': {
      const outcome = text(p.outcome) ?? 'evaluated';
      const rule = ruleText(p.decidedBy);
      return `Permission ${outcome}${rule ? ` by rule ${rule}` : ' (no rule matched)'}${because(p.reason)}`;
    }
    case 'hook-evaluated':
    case 'hook-ran':
    case 'hook-verdict':
      return `Hook ${text(p.name) ?? text(p.hookId) ?? ''} ${text(p.verdict) ?? 'ran'}${because(p.reason)}`.replace(/ {2,}/g, ' ');
    case 'approval-requested':
      return `Approval requested${instant(p.expiresAt) ? `, expires ${instant(p.expiresAt)?.toLocaleTimeString()}` : ''}`;
    case 'approved':
      return `Approved${by(entry.byEmail ?? p.decidedBy ?? p.by ?? p.userId)}${quoted(p.comment)}`;
    case 'denied':
      return `Denied${by(entry.byEmail ?? p.decidedBy ?? p.by ?? p.userId)}${because(p.reason)}${quoted(p.comment)}`;
    case 'approval-expired':
      return 'Approval expired: nobody decided in time';
    case 'blocked':
      return `Blocked${text(p.by) ? ` by ${String(p.by)}` : ''}${because(p.reason)}`;
    case 'run-started':
      return `Run started${text(p.workingDirectory) ? ` in ${String(p.workingDirectory)}` : ''}`;
    case 'output-recorded':
      return `${text(p.stream) ?? 'output'} #${text(p.sequence) ?? '?'}${typeof p.text === 'string' ? `: ${p.text.trim().slice(0, 120)}` : ''}`;
    case 'completed':
      return `Completed${p.exitCode !== undefined && p.exitCode !== null ? ` with exit code ${String(p.exitCode)}` : ''}${typeof p.durationMs === 'number' ? ` in ${formatDuration(p.durationMs)}` : ''}`;
    case 'failed':
      return `Failed${p.exitCode !== undefined && p.exitCode !== null ? ` with exit code ${String(p.exitCode)}` : ''}${because(p.reason ?? p.error)}`;
    case 'timed-out':
      return `Timed out${typeof p.timeoutSeconds === 'number' ? ` after ${p.timeoutSeconds} s` : ''}`;
    case 'cancelled':
      return `Cancelled${by(entry.byEmail ?? p.by ?? p.cancelledBy)}${because(p.reason)}`;
    default: {
      const name = trailType(entry).replaceAll('-', ' ');
      const detail = text(p.reason) ?? text(p.verdict) ?? text(p.outcome);
      return `${name.charAt(0).toUpperCase()}${name.slice(1)}${detail ? `: ${detail}` : ''}`;
    }
  }
};

/** One row of the shown trail: an event, or a run of consecutive output chunks folded into one. */
export type TrailRow = { key: string; type: string; at?: string; line: string; count: number };

/** Folds consecutive `output-recorded` events (there can be thousands) into one row; every other event keeps its own. */
export const trailRows = (entries: TrailEntry[]): TrailRow[] => {
  const rows: TrailRow[] = [];
  entries.forEach((entry, index) => {
    const type = trailType(entry);
    const previous = rows.at(-1);
    if (type === 'output-recorded' && previous?.type === 'output-recorded') {
      previous.count += 1;
      previous.line = `Output recorded: ${previous.count} chunks`;
      return;
    }
    rows.push({
      key: `${entry.sequence ?? entry.position ?? index}-${type}`,
      type,
      at: trailTime(entry),
      line: type === 'output-recorded' ? 'Output recorded: 1 chunk' : describeTrailEntry(entry),
      count: 1,
    });
  });
  return rows;
};
