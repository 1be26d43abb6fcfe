import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Paged, type PagedLabels } from '@/components/paged';
import { DEFAULT_PAGE_SIZE, useSessions, type SessionFilters } from '../api/list-sessions';
import { SESSION_MODES, SESSION_SOURCES, SESSION_STATUSES, type SessionMode, type SessionSource, type SessionStatus } from '../types';
import { SessionsFilters } from './sessions-filters';
import { SessionsTable } from './sessions-table';

const LIST_LABELS: PagedLabels = { loading: 'Loading sessions…', failed: 'Could not load sessions', counted: ['session', 'sessions'] };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Filters live in the URL (`?status=paused&q=auth&page=2`), so a view can be shared and reloaded. */
export const filtersFromSearchParams = (params: URLSearchParams): SessionFilters => {
  const status = params
    .getAll('status')
    .flatMap((s) => s.split(','))
    .filter((s): s is SessionStatus => (SESSION_STATUSES as readonly string[]).includes(s));
  const page = Number(params.get('page') ?? '1');
  return {
    status: status.length ? status : undefined,
    mode: oneOf<SessionMode>(SESSION_MODES, params.get('mode')),
    source: oneOf<SessionSource>(SESSION_SOURCES, params.get('source')),
    q: params.get('q') || undefined,
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    size: DEFAULT_PAGE_SIZE,
  };
};

const writeFilters = (filters: SessionFilters): URLSearchParams => {
  const params = new URLSearchParams();
  for (const status of filters.status ?? []) params.append('status', status);
  if (filters.mode) params.set('mode', filters.mode);
  if (filters.source) params.set('source', filters.source);
  if (filters.q) params.set('q', filters.q);
  if (filters.page) params.set('page', String(filters.page + 1));
  return params;
};

export const SessionsBrowser = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const sessions = useSessions(filters);
  const filtered = Boolean(filters.status || filters.mode || filters.source || filters.q);

  const update = (change: Partial<SessionFilters>, resetPage = true) =>
    setSearchParams(writeFilters({ ...filters, ...change, ...(resetPage ? { page: 0 } : {}) }), { replace: true });

  return (
    <div className="sessions-browser">
      <SessionsFilters filters={filters} onChange={(change) => update(change)} />
      <Paged query={sessions} {...LIST_LABELS} onPageChange={(page) => update({ page }, false)} browser>
        {(loaded) => (
          <SessionsTable
            sessions={loaded.items}
            busy={sessions.isFetching}
            emptyMessage={filtered ? 'No session matches these filters.' : 'No sessions yet. Create the first one.'}
          />
        )}
      </Paged>
    </div>
  );
};
