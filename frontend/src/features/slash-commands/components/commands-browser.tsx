import { useEffect, useState } from 'react';
import { SearchField, SelectField } from '@/components/field';
import { Paged, type PagedLabels } from '@/components/paged';
import { pageFromUrl, urlParams, useUrlFilters } from '@/lib/url-filters';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { COMMANDS_PAGE_SIZE, useCommands, type CommandFilters, type CommandOwnership } from '../api/list-commands';
import type { CommandSummary, StartedRun } from '../types';
import { CommandRunDialog } from './command-run-dialog';
import { CommandsTable } from './commands-table';

const LIST_LABELS: PagedLabels = { loading: 'Loading slash commands…', failed: 'Could not load slash commands', counted: ['command', 'commands'] };

export const COMMAND_SEARCH_DEBOUNCE_MS = 300;

const OWNERSHIP: { value: CommandOwnership; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'shared', label: 'Shared' },
];

/** `?q=deploy&show=shared&page=2`. */
export const commandFiltersFrom = (params: URLSearchParams): CommandFilters => {
  const show = params.get('show');
  return {
    q: params.get('q') || undefined,
    ownership: show === 'mine' || show === 'shared' ? show : 'all',
    page: pageFromUrl(params),
    size: COMMANDS_PAGE_SIZE,
  };
};

const writeFilters = (filters: CommandFilters) =>
  urlParams(
    [
      ['q', filters.q],
      ['show', filters.ownership === 'all' ? undefined : filters.ownership],
    ],
    filters.page,
  );

export type CommandsBrowserProps = { onStarted: (run: StartedRun) => void };

/** Your slash commands and the shared ones: search, filter, page, and run with arguments. */
export const CommandsBrowser = ({ onStarted }: CommandsBrowserProps) => {
  const { filters, update } = useUrlFilters(commandFiltersFrom, writeFilters);
  const commands = useCommands(filters);
  const [search, setSearch] = useState(filters.q ?? '');
  const debounced = useDebouncedValue(search, COMMAND_SEARCH_DEBOUNCE_MS);
  const [running, setRunning] = useState<CommandSummary | null>(null);

  useEffect(() => {
    if ((filters.q ?? '') !== debounced.trim()) update({ q: debounced.trim() || undefined });
    // Only a settled search term writes back.
  }, [debounced]);

  const filtered = Boolean(filters.q || filters.ownership !== 'all');
  return (
    <div className="browser">
      <form className="filters filters--compact" role="search" aria-label="Filter slash commands" onSubmit={(e) => e.preventDefault()}>
        <SearchField value={search} onChange={setSearch} placeholder="Name or description" testId="commands-filter-q" />
        <SelectField
          label="Show"
          value={filters.ownership === 'all' ? '' : filters.ownership}
          onChange={(e) => update({ ownership: (e.target.value || 'all') as CommandOwnership })}
          options={OWNERSHIP}
          placeholder="Mine and shared"
          data-testid="commands-filter-ownership"
        />
      </form>
      <Paged query={commands} {...LIST_LABELS} onPageChange={(page) => update({ page }, false)} browser>
        {(loaded) => (
          <CommandsTable
            commands={loaded.items}
            busy={commands.isFetching}
            emptyMessage={filtered ? 'No command matches these filters.' : 'No slash commands yet. Create one or import your .claude/commands.'}
            onRun={setRunning}
          />
        )}
      </Paged>
      {running && <CommandRunDialog command={running} onClose={() => setRunning(null)} onStarted={onStarted} />}
    </div>
  );
};
