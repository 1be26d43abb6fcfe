import { Alert } from '@/components/alert';
import { Badge, type BadgeTone } from '@/components/badge';
import { BusyButton } from '@/components/busy-button';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatCount } from '@/lib/format';
import { isUnknownProjection } from '../api/list-dead-letters';
import { useProjections } from '../api/list-projections';
import { useRebuildProjection } from '../api/rebuild-projection';
import type { ProjectionStatus } from '../types';

export type ProgressState = { label: string; tone: BadgeTone; explanation: string };

/** What a processor is doing, in the order that matters: a stopped one reads nothing, whatever its numbers say. */
export const progressState = (status: ProjectionStatus): ProgressState => {
  const behind = Math.max(status.head - status.position, 0);
  if (!status.running) return { label: 'stopped', tone: 'danger', explanation: 'The processor is not running: it reads no events.' };
  if (status.replaying) {
    const explanation = `Rebuilding: replaying the event store, ${formatCount(behind, 'event')} to go.`;
    return { label: 'replaying', tone: 'info', explanation };
  }
  if (status.caughtUp) return { label: 'caught up', tone: 'success', explanation: 'Every event in the store is applied.' };
  if (behind > 0) {
    return { label: `behind by ${formatCount(behind, 'event')}`, tone: 'warning', explanation: 'Events are stored that it has not read yet.' };
  }
  if (status.deadLetters > 0) {
    return {
      label: 'held up by dead letters',
      tone: 'warning',
      explanation: 'Every event is read, but some wait in the dead-letter queue, with later events of their sequence.',
    };
  }
  return { label: 'catching up', tone: 'info', explanation: 'Some segments have not reached the head yet.' };
};

const ProgressBar = ({ status }: { status: ProjectionStatus }) => {
  const share = status.head > 0 ? Math.min(status.position / status.head, 1) : 1;
  return (
    <div className="progress-cell">
      <div
        className="progress"
        role="progressbar"
        aria-label={`${status.name}: events read`}
        aria-valuemin={0}
        aria-valuemax={status.head}
        aria-valuenow={Math.min(status.position, status.head)}
      >
        <span className="progress__fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <span className="progress__numbers" data-testid="projection-position">
        {status.position.toLocaleString('en')} / {status.head.toLocaleString('en')}
      </span>
    </div>
  );
};

const RebuildButton = ({ name }: { name: string }) => {
  const rebuild = useRebuildProjection();
  const start = () => {
    const confirmed = window.confirm(
      `Rebuild the “${name}” read model? Its tables are cleared and every event in the store is replayed into it; ` +
        'until the replay catches up, its lists are incomplete. Its dead letters are cleared too: the replay meets those events again.',
    );
    if (confirmed) rebuild.mutate({ name });
  };
  return (
    <>
      <BusyButton busy={rebuild.isPending} busyLabel="Starting…" onClick={start} data-testid="projection-rebuild">Rebuild</BusyButton>
      {rebuild.isError && (
        <span role="alert" className="field__error" data-testid="projection-rebuild-error">
          {isUnknownProjection(rebuild.error) ? `“${name}” cannot be rebuilt: it is not a rebuildable read model.` : errorMessage(rebuild.error)}
        </span>
      )}
    </>
  );
};

const ProjectionRow = ({ status }: { status: ProjectionStatus }) => {
  const state = progressState(status);
  return (
    <tr data-testid="projection-row" data-projection={status.name}>
      <th scope="row" className="table__title">
        <code>{status.name}</code>
        <span className="table__subline" data-testid="projection-kind">
          {status.rebuildable ? 'read model' : 'process'}
          {' · '}
          {formatCount(status.segments, 'segment')}
        </span>
      </th>
      <td>
        <ProgressBar status={status} />
      </td>
      <td>
        <Badge tone={state.tone} title={state.explanation} data-testid="projection-state">
          {state.label}
        </Badge>
      </td>
      <td>
        {status.deadLetters > 0 ? (
          <a href={`#dead-letters-${status.name}`} className="projection-dead-letters">
            <Badge tone="danger" data-testid="projection-dead-letters">
              <span aria-hidden="true">⚠</span> {formatCount(status.deadLetters, 'dead letter')}
            </Badge>
          </a>
        ) : (
          <span className="muted" data-testid="projection-dead-letters">
            none
          </span>
        )}
      </td>
      <td className="table__actions">
        {status.rebuildable && <RebuildButton name={status.name} />}
        {!status.rebuildable && (
          <span className="muted" title="A process reacts to events and records its own failures; replaying it would run its work again.">
            not rebuildable
          </span>
        )}
      </td>
    </tr>
  );
};

/** Every streaming processor of this node: how far it has read the event store, and what waits in its dead-letter queue. */
export const ReadModelsTable = () => {
  const projections = useProjections();
  const data = projections.data;

  if (projections.isPending) return <Spinner label="Loading read models…" />;
  if (!data) return <Alert title="Could not load the read models">{errorMessage(projections.error)}</Alert>;
  return (
    <>
      {projections.isError && <Alert tone="warning" title="Could not refresh">{errorMessage(projections.error)}</Alert>}
      <div className="table-wrap">
        <table className="table" data-testid="projections-table">
          <caption className="visually-hidden">Read models and processes</caption>
          <thead>
            <tr>
              <th scope="col">Processor</th>
              <th scope="col">Events read</th>
              <th scope="col">State</th>
              <th scope="col">Dead letters</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.length === 0 ? (
              <tr>
                <td colSpan={5} className="table__empty">
                  This node runs no streaming processors.
                </td>
              </tr>
            ) : (
              data.map((status) => <ProjectionRow key={status.name} status={status} />)
            )}
          </tbody>
        </table>
      </div>
    </>
  );
};
