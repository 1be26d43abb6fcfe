import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '@/components/badge';
import { Paged, type PagedLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { errorMessage } from '@/lib/api-client';
import { formatClock, formatDateTime, formatDuration, shortId } from '@/lib/format';
import { useDeliveries } from '../api/list-deliveries';
import { useRedeliver } from '../api/redeliver';
import { canRedeliver, type Delivery, type DeliveryAttempt } from '../types';

const LIST_LABELS: PagedLabels = { loading: 'Loading deliveries…', failed: 'Could not load deliveries', counted: ['delivery', 'deliveries'] };

const STATUS_TONES: Record<string, BadgeTone> = { pending: 'info', delivered: 'success', retrying: 'warning', dead_lettered: 'danger' };
const ATTEMPT_TONES: Record<string, BadgeTone> = { delivered: 'success', failed: 'danger', refused: 'warning' };

const AttemptLine = ({ attempt }: { attempt: DeliveryAttempt }) => (
  <li className="attempt" data-testid="delivery-attempt">
    <span className="attempt__number">#{attempt.number}</span>
    <time dateTime={attempt.at} title={formatDateTime(attempt.at)}>
      {formatClock(attempt.at)}
    </time>
    <Badge tone={ATTEMPT_TONES[attempt.outcome] ?? 'neutral'}>{attempt.outcome}</Badge>
    <span>{attempt.responseCode ? `HTTP ${attempt.responseCode}` : <span className="muted">no response</span>}</span>
    <span className="muted">{formatDuration(attempt.durationMs)}</span>
    {attempt.error && <span className="field__error attempt__error">{attempt.error}</span>}
  </li>
);

const DeliveryRow = ({ delivery }: { delivery: Delivery }) => {
  const redeliver = useRedeliver();
  const attempts = delivery.attempts ?? [];
  const last = attempts.at(-1);
  return (
    <li className="delivery" data-testid={`delivery-row-${delivery.id}`} data-status={delivery.status}>
      <div className="delivery__head">
        <Badge tone={STATUS_TONES[delivery.status] ?? 'neutral'} data-testid="delivery-status">
          {delivery.status}
        </Badge>
        <code>{delivery.event}</code>
        <span className="muted">
          <RelativeTime value={delivery.createdAt} /> · {attempts.length} attempt{attempts.length === 1 ? '' : 's'}
          {last?.responseCode ? ` · last HTTP ${last.responseCode}` : ''}
        </span>
        {delivery.toolCallId && (
          <Link to={`/tool-calls/${delivery.toolCallId}`} className="delivery__run">
            run {shortId(delivery.toolCallId)}
          </Link>
        )}
        {delivery.nextAttemptAt && delivery.status !== 'delivered' && (
          <span className="muted" data-testid="delivery-next-attempt">
            next attempt <RelativeTime value={delivery.nextAttemptAt} />
          </span>
        )}
        <span className="delivery__actions">
          {canRedeliver(delivery) && (
            <button
              type="button"
              className="button"
              disabled={redeliver.isPending}
              onClick={() => redeliver.mutate({ hookId: delivery.hookId, deliveryId: delivery.id })}
              data-testid="delivery-redeliver"
            >
              {redeliver.isPending ? 'Queuing…' : redeliver.isSuccess ? 'Queued ✓' : 'Re-deliver'}
            </button>
          )}
        </span>
      </div>
      {redeliver.isError && (
        <p role="alert" className="field__error">
          Not re-delivered: {errorMessage(redeliver.error)}
        </p>
      )}
      {attempts.length > 0 && (
        <details className="delivery__attempts" open={delivery.status !== 'delivered'}>
          <summary>Attempts</summary>
          <ol className="attempts">
            {attempts.map((attempt) => (
              <AttemptLine key={attempt.number} attempt={attempt} />
            ))}
          </ol>
        </details>
      )}
    </li>
  );
};

/** Every delivery of one hook, newest first, with its attempts; failed ones can be sent again. */
export const DeliveryLog = ({ hookId }: { hookId: string }) => {
  const [page, setPage] = useState(0);
  const deliveries = useDeliveries(hookId, page);
  return (
    <Paged query={deliveries} {...LIST_LABELS} onPageChange={setPage} alwaysPaginate>
      {(data) => (
        <ul className="delivery-list" data-testid="hook-deliveries" aria-busy={deliveries.isFetching}>
          {data.items.length === 0 && <li className="muted delivery-list__empty">No deliveries yet. Send a test event to try the hook.</li>}
          {data.items.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}
    </Paged>
  );
};
