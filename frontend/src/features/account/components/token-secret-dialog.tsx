import { useState } from 'react';
import { Dialog } from '@/components/dialog';
import type { CreatedToken } from '../types';

export type TokenSecretDialogProps = { token: CreatedToken; onClose: () => void };

type CopyState = 'idle' | 'copied' | 'failed';

/** The one and only time the plaintext token is shown. */
export const TokenSecretDialog = ({ token, onClose }: TokenSecretDialogProps) => {
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Dialog
      title={`Token “${token.name}” created`}
      labelledBy="token-dialog-title"
      onClose={onClose}
      testId="token-dialog"
      actions={
        <button type="button" className="button button--primary" onClick={onClose} data-testid="token-dialog-close">
          I stored it, close
        </button>
      }
    >
      <p className="alert alert--warning" role="note">
        <strong>Copy it now: it is shown only this once.</strong> OrchWiz cannot show it again; if it gets lost, revoke
        it and create a new one.
      </p>
      <div className="secret">
        <code className="secret__value" data-testid="token-secret">
          {token.token}
        </code>
        <button type="button" className="button" onClick={() => void copyToken()} data-autofocus data-testid="token-copy">
          {copy === 'copied' ? 'Copied ✓' : 'Copy'}
        </button>
      </div>
      <p role="status" className="muted">
        {copy === 'copied'
          ? 'Copied to the clipboard.'
          : copy === 'failed'
            ? 'The browser refused the clipboard; select the token and copy it by hand.'
            : ''}
      </p>
      <p className="muted">
        Use it as <code>Authorization: Bearer {token.prefix || 'owz_…'}…</code> with the scopes {token.scopes.join(', ')}.
      </p>
    </Dialog>
  );
};
