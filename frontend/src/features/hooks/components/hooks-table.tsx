import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/badge';
import { DataTable } from '@/components/data-table';
import { Paged, type PagedLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { useHooks } from '../api/list-hooks';
import { failurePolicyLabel } from '../types';

const LIST_LABELS: PagedLabels = { loading: 'Loading hooks…', failed: 'Could not load hooks', counted: ['hook', 'hooks'] };

/** Your hooks: when they fire, where they go, and how their deliveries fare. */
export const HooksTable = () => {
  const [page, setPage] = useState(0);
  const hooks = useHooks(page);
  return (
    <Paged query={hooks} {...LIST_LABELS} onPageChange={setPage} alwaysPaginate>
      {(data) => (
        <DataTable
          testId="hooks-table"
          caption="Hooks"
          columns={['Hook', 'Event', 'Matcher', 'Target', { label: 'Deliveries', numeric: true }, { label: 'Failures', numeric: true }, 'Last delivery']}
          rows={data.items}
          empty="No hooks yet. Create one, or import the hooks of a settings.json."
          busy={hooks.isFetching}
        >
          {(hook) => (
            <tr key={hook.id} data-testid={`hook-row-${hook.id}`} data-hook-name={hook.name}>
              <th scope="row" className="table__title">
                <Link to={`/hooks/${hook.id}`} data-testid="hook-link">
                  {hook.name}
                </Link>{' '}
                {!hook.active && <Badge tone="muted">inactive</Badge>}
              </th>
              <td>
                {hook.event}
                {hook.event === 'PreToolUse' && (
                  <>
                    {' '}
                    <Badge tone={hook.onFailure === 'allow' ? 'warning' : 'muted'} data-testid="hook-on-failure-badge">
                      {failurePolicyLabel(hook.onFailure ?? 'block')}
                    </Badge>
                  </>
                )}
              </td>
              <td>{hook.matcher ? <code>{hook.matcher}</code> : <span className="muted">any tool</span>}</td>
              <td className="table__summary">
                <Badge tone={hook.type === 'webhook' ? 'info' : 'neutral'}>{hook.type}</Badge>{' '}
                <code>{hook.type === 'webhook' ? hook.url : hook.command}</code>
              </td>
              <td className="table__num">{hook.deliveries}</td>
              <td className="table__num">{hook.failures ? <span className="field__error">{hook.failures}</span> : 0}</td>
              <td>
                <RelativeTime value={hook.lastDeliveryAt} />
              </td>
            </tr>
          )}
        </DataTable>
      )}
    </Paged>
  );
};
