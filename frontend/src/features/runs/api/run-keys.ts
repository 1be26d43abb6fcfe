import type { RunRanking, UsageGroup } from '../types';

/** Query keys of runs, their traces, the runtimes that run them and what they used. */
export const runKeys = {
  all: ['runs'] as const,
  details: () => [...runKeys.all, 'detail'] as const,
  detail: (id: string) => [...runKeys.details(), id] as const,
  sessionLists: () => [...runKeys.all, 'session'] as const,
  sessionList: (sessionId: string, page: number) => [...runKeys.sessionLists(), sessionId, page] as const,
  toolCall: (toolCallId: string) => [...runKeys.all, 'tool-call', toolCallId] as const,
  trace: (traceId: string) => [...runKeys.all, 'trace', traceId] as const,
  runtimes: () => [...runKeys.all, 'runtimes'] as const,
  observability: () => [...runKeys.all, 'observability'] as const,
  usage: (groupBy: UsageGroup, days: number) => [...runKeys.observability(), 'usage', groupBy, days] as const,
  ranking: (sort: RunRanking, size: number) => [...runKeys.observability(), 'ranking', sort, size] as const,
};
