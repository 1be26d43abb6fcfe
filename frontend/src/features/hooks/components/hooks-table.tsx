import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Pagination } from '@/components/pagination';
import { RelativeTime } from '@/components/relative-time';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { useHooks } from '../api/list-hooks';
import { failurePolicyLabel } from '../types';

/** Your hooks: when they fire, where they go, and how their deliveries fare. */
export const HooksTable = () => {
  const [page, setPage] = useState(0);
  const hooks = useHooks(page);
  if (hooks.isPending) return <Spinner label="Loading hooks…" />;
  if (hooks.isError && !hooks.data) return <Alert title="Could not load hooks">{errorMessage(hooks.error)}</Alert>;
  const data = hooks.data;
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="hooks-table" aria-busy={hooks.isFetching}>
          <caption className="visually-hidden">Hooks</caption>
          <thead>
            <tr>
              <th scope="col">Hook</th>
              <th scope="col">Event</th>
              <th scope="col">Matcher</th>
              <th scope="col">Target</th>
              <th scope="col" className="table__num">
                Deliveries
              </th>
              <th scope="col" className="table__num">
                Failures
              </th>
              <th scope="col">Last delivery</th>
            </tr>
          </thead>
          <tbody>
            {data.items.length === 0 ? (
              <tr>
                <td colSpan={7} className="table__empty">
                  No hooks yet. Create one, or import the hooks of a settings.json.
                </td>
              </tr>
            ) : (
              data.items.map((hook) => (
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
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} totalPages={data.totalPages} totalItems={data.totalItems} itemLabel={data.totalItems === 1 ? 'hook' : 'hooks'} onPageChange={setPage} />
    </>
  );
};
