import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { useAuthState, useReloadAuthState } from '../api/get-auth-state';
import { safeReturnPath } from '../return-to';
import { EmailLinkForm } from './email-link-form';
import { FirstRunSetup } from './first-run-setup';
import { PasskeySignIn } from './passkey-sign-in';
import { RememberMeChoice } from './remember-me-choice';
import type { LoginRedirectState } from './require-auth';
import { SignupPolicyNote } from './signup-policy-note';

/** `/login`: passkey, email link, and on a fresh node the first-run claim. */
export const LoginView = () => {
  const auth = useAuthState();
  const reloadAuthState = useReloadAuthState();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('next'));
  const sessionEnded = Boolean((location.state as LoginRedirectState | null)?.sessionEnded);
  const signedOutDeliberately = auth.data?.signedOutBy === 'sign-out';
  const [rememberMe, setRememberMe] = useState(false);

  // Signing out rotates the CSRF cookie: ask the node again before the first write from this page.
  useEffect(() => {
    if (signedOutDeliberately) reloadAuthState().catch(() => undefined);
  }, [signedOutDeliberately, reloadAuthState]);

  if (auth.isPending) return <Spinner label="Connecting to OrchWiz…" />;
  if (!auth.data) {
    return (
      <Alert title="OrchWiz cannot be reached">
        <p>{errorMessage(auth.error)}</p>
        <button type="button" className="button" onClick={() => void auth.refetch()}>
          Try again
        </button>
      </Alert>
    );
  }
  const state = auth.data;
  if (state.authenticated && state.user) return <Navigate to={returnTo} replace />;

  return (
    <div className="auth-flow" data-testid="login-view">
      <h1 className="auth-card__title">Sign in to OrchWiz</h1>
      {sessionEnded && (
        <Alert tone="warning" title="Your session has ended" testId="session-ended">
          Sign in again to continue where you were.
        </Alert>
      )}
      {state.setupRequired && <FirstRunSetup delivery={state.mailDelivery} onSetupComplete={() => void reloadAuthState()} />}
      <section className="auth-section" aria-labelledby="login-passkey-title">
        <h2 id="login-passkey-title" className="auth-section__title">
          With a passkey
        </h2>
        <PasskeySignIn
          rpId={state.rpId}
          rememberMe={rememberMe}
          onSignedIn={() => void navigate(returnTo, { replace: true })}
        />
      </section>
      <div className="auth-divider" role="separator">
        <span>or</span>
      </div>
      <section className="auth-section" aria-labelledby="login-email-title">
        <h2 id="login-email-title" className="auth-section__title">
          With an email link
        </h2>
        <EmailLinkForm delivery={state.mailDelivery} returnTo={returnTo} rememberMe={rememberMe} />
      </section>
      <RememberMeChoice checked={rememberMe} onChange={setRememberMe} />
      <SignupPolicyNote policy={state.signupPolicy} />
    </div>
  );
};
