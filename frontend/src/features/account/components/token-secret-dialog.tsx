import { SecretDialog } from '@/components/secret-dialog';
import type { CreatedToken } from '../types';

export type TokenSecretDialogProps = { token: CreatedToken; onClose: () => void };

/** The one and only time the plaintext token is shown. */
export const TokenSecretDialog = ({ token, onClose }: TokenSecretDialogProps) => (
  <SecretDialog
    title={`Token “${token.name}” created`}
    secret={token.token}
    onClose={onClose}
    testIdPrefix="token"
    testIds={{ secret: 'token-secret', close: 'token-dialog-close' }}
    labelledBy="token-dialog-title"
    what="token"
    whenLost="revoke it and create a new one"
  >
    <p className="muted">
      Use it as <code>Authorization: Bearer {token.prefix || 'owz_…'}…</code> with the scopes {token.scopes.join(', ')}.
    </p>
  </SecretDialog>
);
