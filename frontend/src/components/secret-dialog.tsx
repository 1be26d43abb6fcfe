import type { ReactNode } from 'react';
import { useClipboardCopy } from '@/lib/use-clipboard-copy';
import { Dialog } from './dialog';

export type SecretDialogProps = {
  title: ReactNode;
  secret: string;
  onClose: () => void;
  /** `hook-secret` gives `hook-secret-dialog`, `hook-secret`, `hook-secret-copy`, `hook-secret-close`. */
  testIdPrefix: string;
  /** Test ids that predate the prefix rule, by part. */
  testIds?: Partial<Record<'dialog' | 'secret' | 'copy' | 'close', string>>;
  labelledBy: string;
  /** What the secret is called ("token"). */
  what?: string;
  /** What to do when it gets lost ("rotate it"). */
  whenLost?: ReactNode;
  children?: ReactNode;
};

/**
 * The one and only time a secret is shown. It lives in this dialog's props only: never in storage,
 * never in a query cache; closing the dialog forgets it.
 */
export const SecretDialog = ({
  title,
  secret,
  onClose,
  testIdPrefix,
  testIds = {},
  labelledBy,
  what = 'secret',
  whenLost = 'rotate it',
  children,
}: SecretDialogProps) => {
  const [copy, copySecret] = useClipboardCopy(secret);

  return (
    <Dialog
      title={title}
      labelledBy={labelledBy}
      onClose={onClose}
      testId={testIds.dialog ?? `${testIdPrefix}-dialog`}
      actions={
        <button type="button" className="button button--primary" onClick={onClose} data-testid={testIds.close ?? `${testIdPrefix}-close`}>
          I stored it, close
        </button>
      }
    >
      <p className="alert alert--warning" role="note">
        <strong>Copy it now: it is shown only this once.</strong> OrchWiz cannot show it again; if it gets lost, {whenLost}.
      </p>
      <div className="secret">
        <code className="secret__value" data-testid={testIds.secret ?? testIdPrefix}>
          {secret}
        </code>
        <button
          type="button"
          className="button"
          onClick={() => void copySecret()}
          data-autofocus
          data-testid={testIds.copy ?? `${testIdPrefix}-copy`}
        >
          {copy === 'copied' ? 'Copied ✓' : 'Copy'}
        </button>
      </div>
      <p role="status" className="muted">
        {copy === 'copied'
          ? 'Copied to the clipboard.'
          : copy === 'failed'
            ? `The browser refused the clipboard; select the ${what} and copy it by hand.`
            : ''}
      </p>
      {children}
    </Dialog>
  );
};
