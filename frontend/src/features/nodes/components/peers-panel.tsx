import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { BusyButton } from '@/components/busy-button';
import { DangerButton } from '@/components/danger-button';
import { SelectField, TextField } from '@/components/field';
import { PagedItemList, type PagedItemLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { SubmitRow } from '@/components/submit-row';
import { errorMessage } from '@/lib/api-client';
import { useFormValues } from '@/lib/use-form-values';
import { useDeadLetters } from '../api/list-dead-letters';
import { usePeers } from '../api/list-peers';
import { usePausePeer } from '../api/pause-peer';
import { useRegisterPeer } from '../api/register-peer';
import { useRemovePeer } from '../api/remove-peer';
import { useResetPeer } from '../api/reset-peer';
import { useResumePeer } from '../api/resume-peer';
import { useRetryDeadLetter } from '../api/retry-dead-letter';
import type { ForwardingPeer, PeerRedaction } from '../types';

const LIST_LABELS: PagedItemLabels = { loading: 'Loading peers…', failed: 'Could not load peers', counted: ['peer', 'peers'], empty: 'This node forwards to no other node yet.' };
const LETTER_LABELS: PagedItemLabels = { loading: 'Loading dead letters…', failed: 'Could not load dead letters', counted: ['dead letter', 'dead letters'], empty: 'No dead letters.' };

const REDACTIONS: { value: PeerRedaction; label: string }[] = [
  { value: 'FULL', label: 'Full payloads (secrets masked)' },
  { value: 'METADATA', label: 'Ids, states and numbers only' },
  { value: 'NONE', label: 'Envelope only (type, aggregate, time)' },
];

const DeadLetters = ({ peerId }: { peerId: string }) => {
  const [page, setPage] = useState(0);
  const letters = useDeadLetters(peerId, page);
  const retry = useRetryDeadLetter();
  return (
    <div className="item-list__note" data-testid="peer-dead-letters">
      <PagedItemList query={letters} {...LETTER_LABELS} onPageChange={setPage}>
        {(letter) => (
          <li key={letter.id} className="item-list__item" data-testid="dead-letter">
            <div className="item-list__main">
              <span className="item-list__title">
                #{letter.fromSeq}–{letter.toSeq} · {letter.events} {letter.events === 1 ? 'event' : 'events'} · HTTP {letter.status}
              </span>
              <span className="item-list__meta muted">
                {letter.error} · {letter.attempts} {letter.attempts === 1 ? 'attempt' : 'attempts'}, last <RelativeTime value={letter.lastAttemptAt} />
              </span>
            </div>
            <BusyButton
              busy={retry.isPending && retry.variables?.letterId === letter.id}
              busyLabel="Retrying…"
              onClick={() => retry.mutate({ peerId, letterId: letter.id })}
              data-testid="dead-letter-retry"
            >
              Retry
            </BusyButton>
          </li>
        )}
      </PagedItemList>
      {retry.isError && <Alert>{errorMessage(retry.error)}</Alert>}
    </div>
  );
};

const PeerItem = ({ peer }: { peer: ForwardingPeer }) => {
  const pause = usePausePeer();
  const resume = useResumePeer();
  const reset = useResetPeer();
  const remove = useRemovePeer();
  const [position, setPosition] = useState('0');
  const [showLetters, setShowLetters] = useState(false);
  const failed = pause.error ?? resume.error ?? reset.error ?? remove.error;

  const replay = (event: FormEvent) => {
    event.preventDefault();
    const from = Number(position);
    if (Number.isInteger(from) && from >= 0) reset.mutate({ id: peer.id, position: from });
  };

  return (
    <li className="item-list__item" data-testid="peer-item">
      <div className="item-list__main">
        <span className="item-list__title">
          <code>{peer.nodeId}</code> {peer.url}
          <span className="muted" data-testid="peer-state">
            {' '}
            · {peer.paused ? 'paused' : 'sending'}
          </span>
        </span>
        <span className="item-list__meta muted" data-testid="peer-progress">
          {peer.lag === 0 ? 'up to date' : `${peer.lag} behind`} · {peer.sentEvents} sent ·{' '}
          {peer.lastSuccessAt ? (
            <>
              last delivery <RelativeTime value={peer.lastSuccessAt} />
            </>
          ) : (
            'nothing delivered yet'
          )}
          {peer.eventTypes.length > 0 && ` · only ${peer.eventTypes.join(', ')}`}
          {peer.redaction !== 'FULL' && ` · ${peer.redaction.toLowerCase()} payloads`}
        </span>
        {peer.lastError && (
          <span className="item-list__meta" data-testid="peer-last-error">
            Last error{peer.lastErrorAt && (
              <>
                {' '}
                <RelativeTime value={peer.lastErrorAt} />
              </>
            )}
            : {peer.lastError}
          </span>
        )}
      </div>
      {peer.paused ? (
        <BusyButton busy={resume.isPending} busyLabel="Resuming…" onClick={() => resume.mutate({ id: peer.id })} data-testid="peer-resume">
          Resume
        </BusyButton>
      ) : (
        <BusyButton busy={pause.isPending} busyLabel="Pausing…" onClick={() => pause.mutate({ id: peer.id })} data-testid="peer-pause">
          Pause
        </BusyButton>
      )}
      <form className="form form--inline" onSubmit={replay} aria-label={`Replay to ${peer.nodeId}`}>
        <TextField label="From position" inputMode="numeric" value={position} onChange={(e) => setPosition(e.target.value)} data-testid="peer-reset-position" />
        <BusyButton type="submit" busy={reset.isPending} busyLabel="Resetting…" data-testid="peer-reset">
          Replay
        </BusyButton>
      </form>
      <BusyButton busy={false} busyLabel="" onClick={() => setShowLetters(!showLetters)} aria-expanded={showLetters} data-testid="peer-dead-letters-toggle">
        Dead letters ({peer.deadLetters})
      </BusyButton>
      <DangerButton
        confirm={`Stop forwarding to ${peer.nodeId}? Its position and dead letters are dropped.`}
        busy={remove.isPending}
        busyLabel="Removing…"
        onConfirm={() => remove.mutate({ id: peer.id })}
        data-testid="peer-remove"
      >
        Remove
      </DangerButton>
      {failed && (
        <div className="item-list__note">
          <Alert>{errorMessage(failed)}</Alert>
        </div>
      )}
      {showLetters && <DeadLetters peerId={peer.id} />}
    </li>
  );
};

/** The nodes this one forwards its events to: register one, watch its outbox, pause, replay, retry dead letters. */
export const PeersPanel = () => {
  const form = useFormValues({ url: '', nodeId: '', publicKey: '', eventTypes: '', redaction: 'FULL' as PeerRedaction });
  const [page, setPage] = useState(0);
  const peers = usePeers(page);
  const register = useRegisterPeer();

  return (
    <div className="settings-section">
      <p className="muted">
        Give the other node's address and the node id and public key its Nodes page shows; that node must trust this one
        as a source. Events go in signed batches, in order, and are retried until the peer takes them.
      </p>
      <form className="form" onSubmit={form.submitTo(register)} noValidate aria-label="Forward to a node">
        <TextField label="URL" placeholder="https://cloud.example.org" {...form.bind('url')} data-testid="peer-url" />
        <TextField label="Node id" {...form.bind('nodeId')} data-testid="peer-node-id" />
        <TextField label="Public key" {...form.bind('publicKey')} data-testid="peer-public-key" />
        <TextField
          label="Event types (optional)"
          hint="Names or prefixes such as Session*, separated by commas; empty forwards every type."
          {...form.bind('eventTypes')}
          data-testid="peer-event-types"
        />
        <SelectField
          label="Payloads"
          options={REDACTIONS}
          {...form.bind('redaction')}
          data-testid="peer-redaction"
        />
        {register.isError && <Alert>{errorMessage(register.error)}</Alert>}
        <SubmitRow busy={register.isPending} busyLabel="Saving…" data-testid="peer-submit">
          Forward to node
        </SubmitRow>
      </form>
      <PagedItemList query={peers} {...LIST_LABELS} onPageChange={setPage} data-testid="peer-list">
        {(peer) => <PeerItem key={peer.id} peer={peer} />}
      </PagedItemList>
    </div>
  );
};
