import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { isApiError } from '@/lib/api-client';
import { useSignInWithLink, type LinkSignInOutcome } from '../api/sign-in-with-link';
import { signInErrorMessage } from '../errors';
import { RememberMeChoice } from './remember-me-choice';

export type LinkSignInProps = {
  token: string | null;
  /** Shown as "Sign in as …" when the link names the address it was sent to. */
  email?: string | null;
  /** The sign-in page's "keep me signed in", carried by the link; offered again, as the link may open elsewhere. */
  rememberMe?: boolean;
  onSignedIn: (signIn: LinkSignInOutcome) => void;
};

const isInvalidLink = (error: unknown) => isApiError(error) && error.code === 'INVALID_LINK';

const RequestNewLink = () => (
  <Link className="button" to="/login" data-testid="ott-request-new">
    Request a new link
  </Link>
);

/**
 * `/login/ott?token=…`: one deliberate click signs in. Never automatic: mail scanners open links, and
 * a scanner must not use up the one-time token.
 */
export const LinkSignIn = ({ token, email, rememberMe: remembered = false, onSignedIn }: LinkSignInProps) => {
  const signIn = useSignInWithLink();
  const [rememberMe, setRememberMe] = useState(remembered);

  if (!token) {
    return (
      <div className="auth-flow">
        <h1 className="auth-card__title">This sign-in link is incomplete</h1>
        <p className="muted">The address has no token. Open the link from the email again, or request a new one.</p>
        <RequestNewLink />
      </div>
    );
  }

  if (isInvalidLink(signIn.error)) {
    return (
      <div className="auth-flow" data-testid="ott-invalid">
        <h1 className="auth-card__title">This link no longer works</h1>
        <Alert title="Link used or expired">
          This link was already used or has expired; request a new one. Sign-in links work once, within 15 minutes.
        </Alert>
        <RequestNewLink />
      </div>
    );
  }

  return (
    <div className="auth-flow">
      <h1 className="auth-card__title">{email ? `Sign in as ${email}` : 'Sign in with your email link'}</h1>
      <p className="muted">
        {email
          ? 'Confirm to sign in to OrchWiz in this browser.'
          : 'Confirm to sign in to OrchWiz in this browser with the account this link was sent to.'}{' '}
        The link works once.
      </p>
      {signIn.isError && <Alert>{signInErrorMessage(signIn.error)}</Alert>}
      <RememberMeChoice checked={rememberMe} onChange={setRememberMe} testId="ott-remember-me" />
      <button
        type="button"
        className="button button--primary auth-method__primary"
        disabled={signIn.isPending || signIn.isSuccess}
        onClick={() => signIn.mutate({ token, rememberMe }, { onSuccess: onSignedIn })}
        data-testid="ott-submit"
      >
        {signIn.isPending ? 'Signing in…' : email ? `Sign in as ${email}` : 'Sign in'}
      </button>
    </div>
  );
};
