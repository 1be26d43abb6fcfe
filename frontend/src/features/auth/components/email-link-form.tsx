import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { useRequestEmailLink } from '../api/request-email-link';
import { signInErrorMessage } from '../errors';
import { rememberReturnPath } from '../return-to';
import type { MailDelivery } from '../types';
import { LinkSentNotice } from './link-sent-notice';

export type EmailLinkFormProps = { delivery: MailDelivery; returnTo: string; rememberMe?: boolean };

/** Sign-in (and sign-up, where the policy allows it) by a one-time link sent to an address. */
export const EmailLinkForm = ({ delivery, returnTo, rememberMe = false }: EmailLinkFormProps) => {
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const requestLink = useRequestEmailLink();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setMissing(true);
      return;
    }
    rememberReturnPath(returnTo);
    requestLink.mutate({ email, rememberMe });
  };

  if (requestLink.isSuccess) {
    return (
      <LinkSentNotice
        email={requestLink.variables.email.trim()}
        delivery={requestLink.data.delivery ?? delivery}
        testId="login-email-sent"
        onReset={() => requestLink.reset()}
      />
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Sign in with an email link">
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username email"
        value={email}
        onChange={(e) => {
          setEmail(e.target.value);
          setMissing(false);
        }}
        error={missing ? 'Enter your email address.' : undefined}
        hint="We send a link that signs you in once, within 15 minutes."
        placeholder="you@example.com"
        data-testid="login-email-input"
      />
      {requestLink.isError && <Alert>{signInErrorMessage(requestLink.error)}</Alert>}
      <SubmitRow busy={requestLink.isPending} busyLabel="Sending…" className="button" data-testid="login-email-submit">
        Email me a sign-in link
      </SubmitRow>
    </form>
  );
};
