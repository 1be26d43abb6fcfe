import { useState } from 'react';
import { Alert } from '@/components/alert';
import { DangerButton } from '@/components/danger-button';
import { RelativeTime } from '@/components/relative-time';
import { RowError } from '@/components/row-error';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { isLastPasskey, useDeletePasskey } from '../api/delete-passkey';
import { usePasskeys } from '../api/list-passkeys';
import type { Passkey } from '../types';
import { PasskeyRegistrationForm } from './passkey-registration-form';

const PasskeyItem = ({ passkey }: { passkey: Passkey }) => {
  const remove = useDeletePasskey();
  const lastOne = isLastPasskey(remove.error);

  return (
    <li className="item-list__item" data-testid="passkey-item" data-passkey-id={passkey.id}>
      <div className="item-list__main">
        <span className="item-list__title">{passkey.label}</span>
        <span className="item-list__meta muted">
          added <RelativeTime value={passkey.createdAt} /> · last used{' '}
          {passkey.lastUsedAt ? <RelativeTime value={passkey.lastUsedAt} /> : 'never'}
        </span>
      </div>
      <DangerButton
        busy={remove.isPending}
        busyLabel="Removing…"
        disabled={lastOne}
        confirm={`Remove the passkey “${passkey.label}”? It will no longer sign you in.`}
        onConfirm={() => remove.mutate({ id: passkey.id })}
        data-testid="passkey-remove"
      >
        Remove
      </DangerButton>
      {lastOne && (
        <div className="item-list__note">
          <Alert tone="warning" title="This is your last passkey" testId="passkey-last-warning">
            <p>Without a passkey, you can sign in only by email link. Remove it anyway?</p>
            <div className="button-group">
              <button
                type="button"
                className="button button--danger"
                onClick={() => remove.mutate({ id: passkey.id, confirm: true })}
                data-testid="passkey-remove-anyway"
              >
                Remove anyway
              </button>
              <button type="button" className="button button--ghost" onClick={() => remove.reset()} data-testid="passkey-keep">
                Keep it
              </button>
            </div>
          </Alert>
        </div>
      )}
      {!lastOne && <RowError error={remove.error} />}
    </li>
  );
};

export type PasskeysSectionProps = { rpId?: string | null };

/** Settings › Passkeys: what can sign in as this user, adding and removing. */
export const PasskeysSection = ({ rpId }: PasskeysSectionProps) => {
  const passkeys = usePasskeys();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);

  return (
    <div className="settings-section">
      <p className="muted">
        Passkeys sign you in with your device's lock (fingerprint, face, PIN) or a security key; nothing to type, nothing
        to phish.
      </p>
      {passkeys.isPending ? (
        <Spinner label="Loading passkeys…" />
      ) : passkeys.isError ? (
        <Alert title="Could not load passkeys">{errorMessage(passkeys.error)}</Alert>
      ) : (
        <ul className="item-list" data-testid="passkey-list">
          {passkeys.data.length === 0 && (
            <li className="item-list__empty muted" data-testid="passkey-list-empty">
              No passkeys yet: you sign in by email link only.
            </li>
          )}
          {passkeys.data.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} />
          ))}
        </ul>
      )}
      {adding ? (
        <PasskeyRegistrationForm
          rpId={rpId}
          onRegistered={() => {
            setAdding(false);
            setAdded(true);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div>
          {added && (
            <Alert tone="info" testId="passkey-added">
              Passkey added. Next time, sign in with it.
            </Alert>
          )}
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdding(true);
              setAdded(false);
            }}
            data-testid="settings-passkeys-add"
          >
            + Add a passkey
          </button>
        </div>
      )}
    </div>
  );
};
