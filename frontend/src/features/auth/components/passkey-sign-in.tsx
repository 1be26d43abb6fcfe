import { useState } from 'react';
import { Alert } from '@/components/alert';
import { BusyButton } from '@/components/busy-button';
import { isWebAuthnAvailable, rpIdMatchesHost, WEBAUTHN_UNAVAILABLE_MESSAGE, webAuthnErrorMessage } from '@/lib/webauthn';
import { NoCredentialError, useSignInWithPasskey } from '../api/sign-in-with-passkey';
import { signInErrorMessage } from '../errors';
import type { SignInResult } from '../types';

export type PasskeySignInProps = { rpId: string; rememberMe?: boolean; onSignedIn: (result: SignInResult) => void };

export const passkeySignInErrorMessage = (error: unknown, rpId: string): string => {
  if (error instanceof NoCredentialError) return 'The browser returned no passkey. Try again, or use an email link.';
  return webAuthnErrorMessage(error, { ceremony: 'sign-in', rpId, origin: window.location.origin }) ?? signInErrorMessage(error);
};

/** "Sign in with a passkey": options from the node, the browser's passkey prompt, the assertion back. */
export const PasskeySignIn = ({ rpId, rememberMe = false, onSignedIn }: PasskeySignInProps) => {
  const signIn = useSignInWithPasskey();
  const [unavailable, setUnavailable] = useState(false);
  const wrongDomain = Boolean(rpId) && !rpIdMatchesHost(rpId, window.location.hostname);

  const start = () => {
    if (!isWebAuthnAvailable()) {
      setUnavailable(true);
      return;
    }
    setUnavailable(false);
    signIn.mutate({ rememberMe }, { onSuccess: onSignedIn });
  };

  return (
    <div className="auth-method">
      <BusyButton
        busy={signIn.isPending}
        busyLabel="Waiting for your passkey…"
        className="button button--primary auth-method__primary"
        onClick={start}
        data-testid="login-passkey"
      >
        Sign in with a passkey
      </BusyButton>
      {wrongDomain && !signIn.isError && (
        <Alert tone="warning" title="Passkeys will not work at this address" testId="passkey-domain-warning">
          This node's passkeys belong to <strong>{rpId}</strong>, but this page is at <code>{window.location.origin}</code>. Open
          OrchWiz at an address on {rpId} — see docs/reverse-proxy.md — or use an email link.
        </Alert>
      )}
      {unavailable && (
        <Alert tone="warning" testId="login-passkey-error">
          {WEBAUTHN_UNAVAILABLE_MESSAGE} Use an email link instead.
        </Alert>
      )}
      {signIn.isError && <Alert testId="login-passkey-error">{passkeySignInErrorMessage(signIn.error, rpId)}</Alert>}
    </div>
  );
};
