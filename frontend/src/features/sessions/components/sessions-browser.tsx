import { Paged, type PagedLabels } from '@/components/paged';
import { pageFromUrl, urlParams, useUrlFilters } from '@/lib/url-filters';
import { ALL_NODES, DEFAULT_PAGE_SIZE, sessionFilterList, useSessions, type SessionFilters } from '../api/list-sessions';
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
  return {
    status: status.length ? status : undefined,
    mode: oneOf<SessionMode>(SESSION_MODES, params.get('mode')),
    source: oneOf<SessionSource>(SESSION_SOURCES, params.get('source')),
    q: params.get('q') || undefined,
    node: params.get('includeForwarded') === 'true' ? ALL_NODES : params.get('sourceNodeId') || undefined,
    page: pageFromUrl(params),
    size: DEFAULT_PAGE_SIZE,
  };
};

const writeFilters = (filters: SessionFilters): URLSearchParams => urlParams(sessionFilterList(filters), filters.page);

/** `canSeeForwarded`: admins may list the sessions other nodes forwarded here (they are the node's, not a user's). */
export const SessionsBrowser = ({ canSeeForwarded = false }: { canSeeForwarded?: boolean }) => {
  const { filters, update } = useUrlFilters(filtersFromSearchParams, writeFilters);
  const sessions = useSessions(filters);
  const filtered = Boolean(filters.status || filters.mode || filters.source || filters.q || filters.node);

  return (
    <div className="sessions-browser">
      <SessionsFilters filters={filters} onChange={(change) => update(change)} canSeeForwarded={canSeeForwarded} />
      <Paged query={sessions} {...LIST_LABELS} onPageChange={(page) => update({ page }, false)} browser>
        {(loaded) => (
          <SessionsTable
            sessions={loaded.items}
            showNode={canSeeForwarded && Boolean(filters.node)}
            busy={sessions.isFetching}
            emptyMessage={filtered ? 'No session matches these filters.' : 'No sessions yet. Create the first one.'}
          />
        )}
      </Paged>
    </div>
  );
};
