import { Alert } from '@/components/alert';
import { BusyButton } from '@/components/busy-button';
import { errorMessage } from '@/lib/api-client';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';

export type SignOutEverywhereSectionProps = { onSignedOut: () => void };

/** Ends every session of this user on every device, this one included. */
export const SignOutEverywhereSection = ({ onSignedOut }: SignOutEverywhereSectionProps) => {
  const signOut = useSignOutEverywhere();
  const ask = () => {
    if (window.confirm('Sign out on every device and browser, this one included?')) {
      signOut.mutate(undefined, { onSuccess: onSignedOut });
    }
  };
  return (
    <div className="settings-section">
      <p className="muted">
        Lost a laptop, or signed in on a shared computer? This ends all your sessions at once. API tokens keep working;
        revoke them above.
      </p>
      <div>
        <BusyButton
          busy={signOut.isPending}
          busyLabel="Signing out…"
          className="button button--danger"
          onClick={ask}
          data-testid="sign-out-everywhere"
        >
          Sign out everywhere
        </BusyButton>
      </div>
      {signOut.isError && <Alert>{errorMessage(signOut.error)}</Alert>}
    </div>
  );
};
