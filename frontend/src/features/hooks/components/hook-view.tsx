import { useState } from 'react';
import { ActionError } from '@/components/action-error';
import { Badge } from '@/components/badge';
import { BusyButton } from '@/components/busy-button';
import { DangerButton } from '@/components/danger-button';
import { DetailPage } from '@/components/detail-page';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { Fact } from '@/components/fact';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { RelativeTime } from '@/components/relative-time';
import { shortId } from '@/lib/format';
import { useDeleteHook } from '../api/delete-hook';
import { useHook } from '../api/find-hook';
import { useRotateHookSecret } from '../api/rotate-hook-secret';
import { useSendTestEvent } from '../api/send-test-event';
import { failurePolicyLabel, type Hook } from '../types';
import { DeliveryLog } from './delivery-log';
import { HookForm } from './hook-form';
import { HookSecretDialog } from './hook-secret-dialog';


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
  const failure = test.error ?? rotate.error ?? remove.error;

  return (
    <>
      <BusyButton
        busy={test.isPending}
        busyLabel="Sending…"
        onClick={() => test.mutate({ id: hook.id })}
        data-testid="hook-test"
      >
        Send test event
      </BusyButton>
      {hook.type === 'webhook' && (
        <BusyButton
          busy={rotate.isPending}
          busyLabel="Rotating…"
          onClick={rotateNow}
          data-testid="hook-rotate-secret"
        >
          Rotate secret
        </BusyButton>
      )}
      <DangerButton
        busy={remove.isPending}
        busyLabel="Deleting…"
        confirm={`Delete the hook “${hook.name}”? Its delivery log goes with it.`}
        onConfirm={() => remove.mutate({ id: hook.id }, { onSuccess: onDeleted })}
        data-testid="hook-delete"
      >
        Delete
      </DangerButton>
      {test.isSuccess && (
        <span role="status" className="muted" data-testid="hook-test-sent">
          Test event queued{test.data?.deliveryId ? ` (delivery ${shortId(test.data.deliveryId)})` : ''}.
        </span>
      )}
      <ActionError error={failure} />
      {secret && <HookSecretDialog hookName={hook.name} secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
};

export const HookNotFound = ({ id }: { id: string }) => (
  <NotFoundPage title="Hook not found" testId="hook-not-found" backTo="/hooks" backLabel="Back to hooks">
    There is no hook <code>{id}</code> you may see.
  </NotFoundPage>
);

/** One hook: its settings, its actions (test, rotate, delete) and its delivery log. */
const HookDetail = ({ hook, onDeleted }: { hook: Hook; onDeleted: () => void }) => {
  return (
    <DetailPage
      testId="hook-view"
      header={
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
      }
      main={
        <>
          <Panel title={`Deliveries · ${hook.deliveries}`} labelledBy="hook-deliveries-title">
            <DeliveryLog hookId={hook.id} />
          </Panel>
        </>
      }
      side={
        <>
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
        </>
      }
    />
  );
};

export const HookView = ({ id, onDeleted }: { id: string; onDeleted: () => void }) => {
  const query = useHook(id);
  return (
    <Loaded query={query} what="hook" notFound={<HookNotFound id={id} />}>
      {(hook) => <HookDetail hook={hook} onDeleted={onDeleted} />}
    </Loaded>
  );
};
