import { Alert } from '@/components/alert';
import type { MailDelivery } from '../types';

export type LinkSentNoticeProps = { email: string; delivery: MailDelivery; testId?: string; onReset?: () => void };

/** "Check your inbox", or where the link went when the node has no mail server. */
export const LinkSentNotice = ({ email, delivery, testId, onReset }: LinkSentNoticeProps) => (
  <Alert tone="info" title={delivery === 'log' ? 'Link written to the node’s log' : 'Check your inbox'} testId={testId}>
    {delivery === 'log' ? (
      <p>
        This node has no mail server configured, so instead of mailing the sign-in link for <strong>{email}</strong> it
        wrote the link to the node's log. Whoever runs the node finds it there: a line with{' '}
        <code>/login/ott?token=…</code>. Open that link in this browser; it works once, within 15 minutes.
      </p>
    ) : (
      <p>
        If <strong>{email}</strong> may sign in to this node, a sign-in link is on its way. It works once, within 15
        minutes. Nothing there? Check the spam folder, or ask again.
      </p>
    )}
    {onReset && (
      <p>
        <button type="button" className="button button--ghost" onClick={onReset}>
          Use another address
        </button>
      </p>
    )}
  </Alert>
);
