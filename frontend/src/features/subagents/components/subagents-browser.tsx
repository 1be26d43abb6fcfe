import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '@/components/badge';
import { DataTable } from '@/components/data-table';
import { SearchField } from '@/components/field';
import { Paged, type PagedLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { formatToolList } from '@/lib/tool-list';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { SUBAGENTS_PAGE_SIZE, useSubagents } from '../api/list-subagents';

const LIST_LABELS: PagedLabels = { loading: 'Loading subagents…', failed: 'Could not load subagents', counted: ['subagent', 'subagents'] };

export const SUBAGENT_SEARCH_DEBOUNCE_MS = 300;

/** Your subagents and the shared ones; `?q=` searches, `?page=` pages. */
export const SubagentsBrowser = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const pageParam = Number(searchParams.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam - 1 : 0;
  const filters = useMemo(() => ({ q: q || undefined, page, size: SUBAGENTS_PAGE_SIZE }), [q, page]);
  const subagents = useSubagents(filters);
  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search, SUBAGENT_SEARCH_DEBOUNCE_MS);

  const go = (next: { q?: string; page?: number }) => {
    const params = new URLSearchParams();
    const nextQ = next.q ?? q;
    if (nextQ) params.set('q', nextQ);
    if (next.page) params.set('page', String(next.page + 1));
    setSearchParams(params, { replace: true });
  };

  useEffect(() => {
    if (q !== debounced.trim()) go({ q: debounced.trim(), page: 0 });
  }, [debounced]);

  return (
    <div className="browser">
      <form className="filters filters--compact" role="search" aria-label="Search subagents" onSubmit={(e) => e.preventDefault()}>
        <SearchField value={search} onChange={setSearch} placeholder="Name or description" testId="subagents-filter-q" />
      </form>
      <Paged query={subagents} {...LIST_LABELS} onPageChange={(next) => go({ page: next })} browser>
        {(loaded) => (
          <DataTable
            testId="subagents-table"
            caption="Subagents"
            columns={['Subagent', 'Description', 'Tools', 'Model', 'Policies', 'Owner', 'Updated']}
            rows={loaded.items}
            empty={q ? 'No subagent matches this search.' : 'No subagents yet. Create one or import your .claude/agents.'}
            busy={subagents.isFetching}
          >
            {(subagent) => (
              <tr key={subagent.id} data-testid={`subagent-row-${subagent.name}`}>
                <th scope="row" className="table__title">
                  <Link to={`/subagents/${subagent.id}`} data-testid="subagent-link">
                    {subagent.name}
                  </Link>
                </th>
                <td className="table__description">{subagent.description || <span className="muted">—</span>}</td>
                <td className="table__summary">{subagent.tools?.length ? <code>{formatToolList(subagent.tools)}</code> : <span className="muted">all</span>}</td>
                <td>{subagent.model ?? <span className="muted">inherit</span>}</td>
                <td>
                  <span className="badges">
                    {(subagent.policies ?? []).length === 0 && <span className="muted">—</span>}
                    {(subagent.policies ?? []).map((p) => (
                      <Badge key={p.policy} tone="neutral">
                        {p.policy}
                      </Badge>
                    ))}
                  </span>
                </td>
                <td>
                  <span className="badges">
                    {subagent.mine && <Badge tone="muted">mine</Badge>}
                    {subagent.shared && <Badge tone="info">shared</Badge>}
                  </span>
                </td>
                <td>
                  <RelativeTime value={subagent.updatedAt} />
                </td>
              </tr>
            )}
          </DataTable>
        )}
      </Paged>
    </div>
  );
};
