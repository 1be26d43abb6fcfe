import { useEffect, useId, useState } from 'react';
import { SearchField, SelectField } from '@/components/field';
import { humanize } from '@/lib/format';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { ALL_NODES, type SessionFilters } from '../api/list-sessions';
import { SESSION_MODES, SESSION_SOURCES, SESSION_STATUSES, type SessionMode, type SessionSource, type SessionStatus } from '../types';

export const SEARCH_DEBOUNCE_MS = 300;

export type SessionsFiltersProps = {
  filters: SessionFilters;
  onChange: (change: Omit<SessionFilters, 'page' | 'size'>) => void;
  canSeeForwarded?: boolean;
};

/** Every node, this node only, or the one node the URL names (the Nodes page links to a node's sessions). */
const nodeOptions = (node: string | undefined) => [
  { value: ALL_NODES, label: 'All nodes' },
  { value: 'local', label: 'This node only' },
  ...(node && node !== ALL_NODES && node !== 'local' ? [{ value: node, label: node }] : []),
];

const toOptions = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));

export const SessionsFilters = ({ filters, onChange, canSeeForwarded = false }: SessionsFiltersProps) => {
  const statusLegendId = useId();
  const [search, setSearch] = useState(filters.q ?? '');
  const debouncedSearch = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const selectedStatuses = filters.status ?? [];

  useEffect(() => {
    if ((filters.q ?? '') !== debouncedSearch.trim()) onChange({ q: debouncedSearch.trim() || undefined });
    // Only a settled search term writes back; filters.q then follows from the URL.
  }, [debouncedSearch]);

  const toggleStatus = (status: SessionStatus) => {
    const next = selectedStatuses.includes(status)
      ? selectedStatuses.filter((s) => s !== status)
      : SESSION_STATUSES.filter((s) => s === status || selectedStatuses.includes(s));
    onChange({ status: next.length ? next : undefined });
  };

  const hasFilters = selectedStatuses.length > 0 || filters.mode || filters.source || filters.q || filters.node;

  return (
    <form className="filters" role="search" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
      <SearchField value={search} onChange={setSearch} placeholder="Title, description, project, branch" testId="sessions-filter-q" />
      <fieldset className="filters__statuses" aria-labelledby={statusLegendId}>
        <legend id={statusLegendId} className="field__label">
          Status
        </legend>
        <div className="chips">
          {SESSION_STATUSES.map((status) => (
            <label key={status} className={`chip chip--${status}`}>
              <input
                type="checkbox"
                checked={selectedStatuses.includes(status)}
                onChange={() => toggleStatus(status)}
                data-testid={`sessions-filter-status-${status}`}
              />
              <span>{status}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        label="Mode"
        value={filters.mode ?? ''}
        onChange={(e) => onChange({ mode: (e.target.value || undefined) as SessionMode | undefined })}
        options={toOptions(SESSION_MODES)}
        placeholder="Any mode"
        fieldClassName="filters__mode"
        data-testid="sessions-filter-mode"
      />
      <SelectField
        label="Source"
        value={filters.source ?? ''}
        onChange={(e) => onChange({ source: (e.target.value || undefined) as SessionSource | undefined })}
        options={toOptions(SESSION_SOURCES)}
        placeholder="Any source"
        fieldClassName="filters__source"
        data-testid="sessions-filter-source"
      />
      {canSeeForwarded && (
        <SelectField
          label="Node"
          value={filters.node ?? ''}
          onChange={(e) => onChange({ node: e.target.value || undefined })}
          options={nodeOptions(filters.node)}
          placeholder="This node"
          fieldClassName="filters__node"
          data-testid="sessions-filter-node"
        />
      )}
      <div className="filters__reset">
        <button
          type="button"
          className="button button--ghost"
          disabled={!hasFilters}
          onClick={() => {
            setSearch('');
            onChange({ status: undefined, mode: undefined, source: undefined, q: undefined, node: undefined });
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
};
