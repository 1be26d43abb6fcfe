import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { isApiError } from '@/lib/api-client';
import { useClaimAdmin } from '../api/claim-admin';
import { signInErrorMessage } from '../errors';
import type { MailDelivery } from '../types';
import { LinkSentNotice } from './link-sent-notice';

export type FirstRunSetupProps = { delivery: MailDelivery; onSetupComplete: () => void };

/** A fresh node has no admin yet: whoever holds the setup code from the node's log claims it. */
export const FirstRunSetup = ({ delivery, onSetupComplete }: FirstRunSetupProps) => {
  const [email, setEmail] = useState('');
  const [setupCode, setSetupCode] = useState('');
  const [errors, setErrors] = useState<{ email?: string; setupCode?: string }>({});
  const claim = useClaimAdmin();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : 'Enter the address of the first admin.',
      setupCode: setupCode.trim() ? undefined : "Enter the setup code from the node's log.",
    };
    setErrors(missing);
    if (missing.email || missing.setupCode) return;
    claim.mutate(
      { email, setupCode },
      { onError: (error) => (isApiError(error) && error.code === 'SETUP_COMPLETE' ? onSetupComplete() : undefined) },
    );
  };

  const serverErrors = isApiError(claim.error) ? claim.error.fieldErrors : {};

  return (
    <section className="auth-setup" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title" className="auth-setup__title">
        First run: claim this node
      </h2>
      <p className="muted">
        Nobody administers this node yet. When it started, it printed a one-time <strong>setup code</strong> to its log
        (look for “setup code” in the output of the OrchWiz process or container). Whoever can read that log may make
        themselves the first admin: enter your email and the code, then open the sign-in link that follows.
      </p>
      {claim.isSuccess ? (
        <LinkSentNotice email={claim.variables.email.trim()} delivery={claim.data.delivery ?? delivery} testId="setup-sent" />
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-label="Claim this node">
          <div className="form__row">
            <TextField
              label="Your email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.email ?? serverErrors.email}
              data-testid="setup-email"
            />
            <TextField
              label="Setup code"
              autoComplete="one-time-code"
              spellCheck={false}
              value={setupCode}
              onChange={(e) => setSetupCode(e.target.value)}
              error={errors.setupCode ?? serverErrors.setupCode}
              hint="From the node's log; it stops working once an admin exists."
              data-testid="setup-code"
            />
          </div>
          {claim.isError && <Alert>{signInErrorMessage(claim.error)}</Alert>}
          <SubmitRow busy={claim.isPending} busyLabel="Claiming…" data-testid="setup-submit">
            Become the admin
          </SubmitRow>
        </form>
      )}
    </section>
  );
};
