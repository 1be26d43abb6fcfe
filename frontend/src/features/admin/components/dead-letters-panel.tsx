import { useEffect, useState } from 'react';
import { Alert } from '@/components/alert';
import { DangerButton } from '@/components/danger-button';
import { PagedItemList, type PagedItemLabels } from '@/components/paged';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { errorMessage } from '@/lib/api-client';
import { formatCount } from '@/lib/format';
import { isUnknownDeadLetter, useEvictDeadLetter } from '../api/evict-dead-letter';
import { useDeadLetters } from '../api/list-dead-letters';
import { useProjections } from '../api/list-projections';
import { useRetryDeadLetters } from '../api/retry-dead-letters';
import type { DeadLetter, RetryOutcome } from '../types';

const LIST_LABELS: PagedItemLabels = { loading: 'Loading dead letters…', failed: 'Could not load the dead letters', counted: ['dead letter', 'dead letters'], empty: 'No dead letters: every event was applied.' };

const DeadLetterItem = ({ name, letter }: { name: string; letter: DeadLetter }) => {
  const evict = useEvictDeadLetter();
  return (
    <li className="item-list__item dead-letter" data-testid="dead-letter" data-event-id={letter.eventId}>
      <div className="item-list__main">
        <code className="item-list__title" data-testid="dead-letter-type">
          {letter.eventType}
        </code>
        <span className="item-list__meta muted">
          {letter.sequence ? (
            <>
              sequence <code data-testid="dead-letter-sequence">{letter.sequence}</code>
              {letter.aggregateSequence !== null && <> · event #{letter.aggregateSequence}</>}
            </>
          ) : (
            'no sequence'
          )}
        </span>
        <span className="item-list__meta muted">
          happened <RelativeTime value={letter.eventTimestamp} /> · parked <RelativeTime value={letter.enqueuedAt} /> · last tried{' '}
          <RelativeTime value={letter.lastTouched} /> · event id <code>{letter.eventId}</code>
        </span>
      </div>
      <DangerButton
        busy={evict.isPending}
        busyLabel="Evicting…"
        confirm={
          `Evict the ${letter.eventType} event ${letter.eventId} from the “${name}” dead-letter queue? ` +
          'The read model will never apply it; only a rebuild meets it again.'
        }
        onConfirm={() => evict.mutate({ name, eventId: letter.eventId })}
        data-testid="dead-letter-evict"
      >
        Evict
      </DangerButton>
      <pre className="code-block dead-letter__cause" data-testid="dead-letter-cause">
        {letter.causeType ?? 'Unknown cause'}
        {letter.causeMessage ? `\n${letter.causeMessage}` : ''}
      </pre>
      {evict.isError && (
        <div className="item-list__note">
          <Alert>
            {isUnknownDeadLetter(evict.error) ? 'This dead letter is gone already: it was retried or evicted meanwhile.' : errorMessage(evict.error)}
          </Alert>
        </div>
      )}
    </li>
  );
};

const RetrySummary = ({ outcome }: { outcome: RetryOutcome }) => (
  <p role="status" className="muted" data-testid="dead-letters-retry-outcome">
    Tried {formatCount(outcome.sequencesTried, 'sequence')}; {formatCount(outcome.deadLettersLeft, 'dead letter')} left.
    {outcome.deadLettersLeft > 0 && ' Those failed again or wait behind one that did; their causes below are the latest.'}
  </p>
);

export type DeadLettersPanelProps = { name: string };

/** The events one read model could not apply: why, retried all at once after a fix, or evicted one by one. */
export const DeadLettersPanel = ({ name }: DeadLettersPanelProps) => {
  const [page, setPage] = useState(0);
  const letters = useDeadLetters(name, page);
  const retry = useRetryDeadLetters();
  const data = letters.data;

  // Evicting or retrying the last letters of the last page leaves it empty: step back to one that has some.
  const lastPage = Math.max((data?.totalPages ?? 1) - 1, 0);
  useEffect(() => {
    if (data && page > lastPage) setPage(lastPage);
  }, [data, page, lastPage]);

  return (
    <div className="settings-section" id={`dead-letters-${name}`} data-testid="dead-letters" data-projection={name}>
      <p className="muted">
        Events the read model could not apply wait here; later events of the same sequence wait behind them, in order. After
        fixing the cause, retry them; evict one the read model must never apply.
      </p>
      <div>
        <button
          type="button"
          className="button"
          disabled={retry.isPending || !data || data.totalItems === 0}
          onClick={() => retry.mutate({ name })}
          data-testid="dead-letters-retry"
        >
          {retry.isPending ? 'Retrying…' : 'Retry all'}
        </button>
        {retry.isSuccess && <RetrySummary outcome={retry.data} />}
        {retry.isError && <Alert title="Retry failed">{errorMessage(retry.error)}</Alert>}
      </div>
      <PagedItemList query={letters} {...LIST_LABELS} onPageChange={setPage} data-testid="dead-letter-list">
        {(letter) => <DeadLetterItem key={letter.eventId} name={name} letter={letter} />}
      </PagedItemList>
    </div>
  );
};

/**
 * A panel per read model with dead letters. One stays open once shown while the page is, so the outcome of a
 * retry that emptied it is still there to read.
 */
export const DeadLetterQueues = () => {
  const projections = useProjections();
  const [shown, setShown] = useState<readonly string[]>([]);
  const withLetters = (projections.data ?? []).filter((status) => status.deadLetters > 0).map((status) => status.name);
  const missing = withLetters.filter((name) => !shown.includes(name)).join(' ');
  useEffect(() => {
    if (missing) setShown((names) => [...names, ...missing.split(' ').filter((name) => !names.includes(name))]);
  }, [missing]);

  const names = (projections.data ?? []).map((status) => status.name).filter((name) => withLetters.includes(name) || shown.includes(name));
  return (
    <>
      {names.map((name) => (
        <Panel key={name} title={`Dead letters · ${name}`} labelledBy={`dead-letters-${name}-title`}>
          <DeadLettersPanel name={name} />
        </Panel>
      ))}
    </>
  );
};
