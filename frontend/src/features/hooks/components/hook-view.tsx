import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { Spinner } from '@/components/spinner';
import { errorMessage, isNotFound } from '@/lib/api-client';
import { shortId } from '@/lib/format';
import { useDeleteHook } from '../api/delete-hook';
import { useHook } from '../api/find-hook';
import { useRotateHookSecret } from '../api/rotate-hook-secret';
import { useSendTestEvent } from '../api/send-test-event';
import { failurePolicyLabel, type Hook } from '../types';
import { DeliveryLog } from './delivery-log';
import { HookForm } from './hook-form';
import { HookSecretDialog } from './hook-secret-dialog';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="facts__item">
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

const HookActions = ({ hook, onDeleted }: { hook: Hook; onDeleted: () => void }) => {
  const test = useSendTestEvent();
  const rotate = useRotateHookSecret();
  const remove = useDeleteHook();
  const [secret, setSecret] = useState<string | null>(null);

  const rotateNow = () => {
    if (!window.confirm(`Rotate the signing secret of “${hook.name}”? Receivers must switch to the new one.`)) return;
    rotate.mutate(
      { id: hook.id },
      {
        onSuccess: (result) => {
          rotate.reset();
          if (result.secret) setSecret(result.secret);
        },
      },
    );
  };
  const deleteNow = () => {
    if (window.confirm(`Delete the hook “${hook.name}”? Its delivery log goes with it.`)) remove.mutate({ id: hook.id }, { onSuccess: onDeleted });
  };
  const failure = test.error ?? rotate.error ?? remove.error;

  return (
    <>
      <button type="button" className="button" disabled={test.isPending} onClick={() => test.mutate({ id: hook.id })} data-testid="hook-test">
        {test.isPending ? 'Sending…' : 'Send test event'}
      </button>
      {hook.type === 'webhook' && (
        <button type="button" className="button" disabled={rotate.isPending} onClick={rotateNow} data-testid="hook-rotate-secret">
          {rotate.isPending ? 'Rotating…' : 'Rotate secret'}
        </button>
      )}
      <button type="button" className="button button--danger-ghost" disabled={remove.isPending} onClick={deleteNow} data-testid="hook-delete">
        {remove.isPending ? 'Deleting…' : 'Delete'}
      </button>
      {test.isSuccess && (
        <span role="status" className="muted" data-testid="hook-test-sent">
          Test event queued{test.data?.deliveryId ? ` (delivery ${shortId(test.data.deliveryId)})` : ''}.
        </span>
      )}
      {failure ? (
        <span role="alert" className="field__error">
          {errorMessage(failure)}
        </span>
      ) : null}
      {secret && <HookSecretDialog hookName={hook.name} secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
};

export const HookNotFound = ({ id }: { id: string }) => (
  <div className="empty-page" data-testid="hook-not-found">
    <h1 className="page-header__title">Hook not found</h1>
    <p className="muted">
      There is no hook <code>{id}</code> you may see.
    </p>
    <Link className="button" to="/hooks">
      Back to hooks
    </Link>
  </div>
);

/** One hook: its settings, its actions (test, rotate, delete) and its delivery log. */
export const HookView = ({ id, onDeleted }: { id: string; onDeleted: () => void }) => {
  const { data: hook, error, isPending, refetch } = useHook(id);
  if (isNotFound(error)) return <HookNotFound id={id} />;
  if (isPending) return <Spinner label="Loading hook…" />;
  if (!hook) {
    return (
      <Alert title="Could not load this hook">
        <p>{errorMessage(error)}</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          Try again
        </button>
      </Alert>
    );
  }
  return (
    <div className="detail-page" data-testid="hook-view">
      <PageHeader eyebrow="Hook" title={hook.name} actions={<HookActions hook={hook} onDeleted={onDeleted} />}>
        <p className="badges">
          <Badge tone="neutral">{hook.event}</Badge>
          <Badge tone={hook.type === 'webhook' ? 'info' : 'neutral'}>{hook.type}</Badge>
          {hook.event === 'PreToolUse' && (
            <Badge tone={hook.onFailure === 'allow' ? 'warning' : 'muted'} data-testid="hook-view-on-failure">
              {failurePolicyLabel(hook.onFailure ?? 'block')}
            </Badge>
          )}
          {!hook.active && <Badge tone="muted">inactive</Badge>}
        </p>
      </PageHeader>
      <div className="detail-page__grid">
        <div className="detail-page__main">
          <Panel title={`Deliveries · ${hook.deliveries}`} labelledBy="hook-deliveries-title">
            <DeliveryLog hookId={hook.id} />
          </Panel>
        </div>
        <aside className="detail-page__side">
          <Panel title="Summary" labelledBy="hook-summary-title">
            <dl className="facts">
              <Fact label="Deliveries">{hook.deliveries}</Fact>
              <Fact label="Failures">{hook.failures}</Fact>
              <Fact label="Last delivery">
                <RelativeTime value={hook.lastDeliveryAt} />
              </Fact>
              <Fact label="Created">
                <RelativeTime value={hook.createdAt} />
              </Fact>
            </dl>
          </Panel>
          <Panel title="Edit" labelledBy="hook-edit-title">
            <HookForm mode="edit" hook={hook} />
          </Panel>
        </aside>
      </div>
    </div>
  );
};
