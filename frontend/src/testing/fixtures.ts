import type { SessionView } from '@/features/sessions/api/find-session';
import type { Page, SessionDetail, SessionSummary } from '@/features/sessions/types';

export const SESSION_ID = '0b7e0d8a-7f5c-4a53-9a55-1c3a1f1f0001';

export const aSummary = (overrides: Partial<SessionSummary> = {}): SessionSummary => ({
  id: SESSION_ID,
  title: 'Refactor auth',
  description: null,
  status: 'planning',
  mode: 'plan',
  source: 'web',
  projectName: 'orchwiz',
  branch: 'main',
  environment: null,
  parentSessionId: null,
  ownerId: 'ada',
  interactionCount: 0,
  createdAt: '2026-11-24T10:00:00Z',
  lastActivityAt: '2026-11-24T10:00:00Z',
  completedAt: null,
  version: 0,
  ...overrides,
});

export const aDetail = (overrides: Partial<SessionDetail> = {}): SessionDetail => ({
  ...aSummary(),
  status: 'planning',
  mode: 'plan',
  source: 'web',
  prompt: null,
  metadata: null,
  forkCount: 0,
  interactions: [],
  ...overrides,
});

export const aView = (overrides: Partial<SessionDetail> = {}): SessionView => {
  const detail = aDetail(overrides);
  return { ...detail, etagVersion: detail.version };
};

export const aPage = <T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> => ({
  items,
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: items.length ? 1 : 0,
  ...overrides,
});
