import { SecretDialog } from '@/components/secret-dialog';

export type HookSecretDialogProps = { hookName: string; secret: string; onClose: () => void };

/** The webhook's signing secret, shown once after create or rotate. */
export const HookSecretDialog = ({ hookName, secret, onClose }: HookSecretDialogProps) => (
  <SecretDialog title={`Signing secret of “${hookName}”`} secret={secret} onClose={onClose} testIdPrefix="hook-secret" labelledBy="hook-secret-title">
    <p className="muted">
      Verify each delivery with it: <code>webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;</code> over{' '}
      <code>webhook-id.webhook-timestamp.body</code> (Standard Webhooks).
    </p>
  </SecretDialog>
);
