import { Link } from 'react-router';
import { SelectField } from '@/components/field';
import { Paged, type PagedLabels } from '@/components/paged';
import { humanize } from '@/lib/format';
import { pageFromUrl, urlParams, useUrlFilters } from '@/lib/url-filters';
import { TOOL_CALLS_PAGE_SIZE, toolCallFilterList, useToolCalls, type ToolCallFilters } from '../api/list-tool-calls';
import { TOOL_CALL_STATUSES, type ToolCallStatus } from '../types';
import { ToolCallsTable } from './tool-calls-table';

const LIST_LABELS: PagedLabels = { loading: 'Loading tool calls…', failed: 'Could not load runs', counted: ['run', 'runs'] };

/** Filters live in the URL (`?status=running&commandId=…&page=2`). */
export const runFiltersFromSearchParams = (params: URLSearchParams): ToolCallFilters => {
  const status = params.get('status');
  return {
    status: (TOOL_CALL_STATUSES as readonly string[]).includes(status ?? '') ? (status as ToolCallStatus) : undefined,
    commandId: params.get('commandId') || undefined,
    sessionId: params.get('sessionId') || undefined,
    page: pageFromUrl(params),
    size: TOOL_CALLS_PAGE_SIZE,
  };
};

const writeFilters = (filters: ToolCallFilters): URLSearchParams => urlParams(toolCallFilterList(filters), filters.page);

/** Every run (tool call) you may see, newest first; each opens its run page. */
export const ToolCallsBrowser = () => {
  const { filters, update } = useUrlFilters(runFiltersFromSearchParams, writeFilters);
  const runs = useToolCalls(filters);
  const filtered = Boolean(filters.status || filters.commandId || filters.sessionId);

  return (
    <div className="browser">
      <form className="filters filters--compact" role="search" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Status"
          value={filters.status ?? ''}
          onChange={(e) => update({ status: (e.target.value || undefined) as ToolCallStatus | undefined })}
          options={TOOL_CALL_STATUSES.map((status) => ({ value: status, label: humanize(status) }))}
          placeholder="Any status"
          data-testid="runs-filter-status"
        />
        {(filters.commandId || filters.sessionId) && (
          <p className="muted filters__note">
            {filters.commandId && (
              <>
                Runs of one command (<code>{filters.commandId.slice(0, 8)}</code>).{' '}
              </>
            )}
            {filters.sessionId && (
              <>
                Runs in <Link to={`/sessions/${filters.sessionId}`}>one session</Link>.{' '}
              </>
            )}
          </p>
        )}
        <div className="filters__reset">
          <button
            type="button"
            className="button button--ghost"
            disabled={!filtered}
            onClick={() => update({ status: undefined, commandId: undefined, sessionId: undefined })}
          >
            Clear filters
          </button>
        </div>
      </form>
      <Paged query={runs} {...LIST_LABELS} onPageChange={(page) => update({ page }, false)} browser>
        {(loaded) => (
          <ToolCallsTable
            runs={loaded.items}
            busy={runs.isFetching}
            emptyMessage={filtered ? 'No run matches these filters.' : 'No runs yet. Run a slash command to start one.'}
          />
        )}
      </Paged>
    </div>
  );
};
