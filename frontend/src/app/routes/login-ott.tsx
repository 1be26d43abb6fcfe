import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PasskeyRegistrationForm } from '@/features/account/components/passkey-registration-form';
import type { LinkSignInOutcome } from '@/features/auth/api/sign-in-with-link';
import { LinkSignIn } from '@/features/auth/components/link-sign-in';
import { safeReturnPath, takeReturnPath } from '@/features/auth/return-to';
import { AuthPage } from '../auth-page';

type WelcomeProps = { rpId: string; newUser: boolean; onDone: () => void };

/** Right after a first sign-in by link (or any without a passkey yet): offer a passkey for next time. */
const Welcome = ({ rpId, newUser, onDone }: WelcomeProps) => {
  const [adding, setAdding] = useState(false);
  return (
    <div className="auth-flow" data-testid="welcome">
      <h1 className="auth-card__title">{newUser ? 'Welcome to OrchWiz' : 'You are signed in'}</h1>
      <p className="muted">
        Next time, skip the email: a passkey signs you in with your device's lock (fingerprint, face or PIN) or a security
        key. It takes a few seconds to set up, and you can add more later in Settings.
      </p>
      {adding ? (
        <PasskeyRegistrationForm rpId={rpId} onRegistered={onDone} onCancel={onDone} cancelLabel="Later" />
      ) : (
        <div className="button-group">
          <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="welcome-add-passkey">
            Add a passkey now
          </button>
          <button type="button" className="button button--ghost" onClick={onDone} data-testid="welcome-skip">
            Later
          </button>
        </div>
      )}
    </div>
  );
};

/** `/login/ott?token=…`: the page an email link opens. */
export const LoginOttRoute = () => {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [signedIn, setSignedIn] = useState<{ signIn: LinkSignInOutcome; returnTo: string } | null>(null);

  const onSignedIn = (signIn: LinkSignInOutcome) => {
    const returnTo = takeReturnPath() ?? safeReturnPath(signIn.result.redirectUrl);
    const needsPasskey = Boolean(signIn.result.newUser) || (signIn.state.user?.passkeys ?? 0) === 0;
    if (needsPasskey) setSignedIn({ signIn, returnTo });
    else void navigate(returnTo, { replace: true });
  };

  return (
    <AuthPage>
      {signedIn ? (
        <Welcome
          rpId={signedIn.signIn.state.rpId}
          newUser={Boolean(signedIn.signIn.result.newUser)}
          onDone={() => void navigate(signedIn.returnTo, { replace: true })}
        />
      ) : (
        <LinkSignIn
          token={searchParams.get('token')}
          email={searchParams.get('email')}
          rememberMe={searchParams.get('remember-me') === 'true'}
          onSignedIn={onSignedIn}
        />
      )}
    </AuthPage>
  );
};
