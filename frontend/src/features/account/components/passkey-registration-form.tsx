import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { errorMessage } from '@/lib/api-client';
import { defaultPasskeyLabel, isWebAuthnAvailable, WEBAUTHN_UNAVAILABLE_MESSAGE, webAuthnErrorMessage } from '@/lib/webauthn';
import { useRegisterPasskey } from '../api/register-passkey';

export type PasskeyRegistrationFormProps = {
  /** The node's passkey domain, to explain a SecurityError. */
  rpId?: string | null;
  onRegistered?: () => void;
  onCancel?: () => void;
  cancelLabel?: string;
};

export const registrationErrorMessage = (error: unknown, rpId?: string | null): string =>
  webAuthnErrorMessage(error, { ceremony: 'registration', rpId, origin: window.location.origin }) ?? errorMessage(error);

/** Names the new passkey, then runs the browser's passkey creation and stores the result on the node. */
export const PasskeyRegistrationForm = ({ rpId, onRegistered, onCancel, cancelLabel = 'Cancel' }: PasskeyRegistrationFormProps) => {
  const [label, setLabel] = useState(defaultPasskeyLabel);
  const [problem, setProblem] = useState<string>();
  const register = useRegisterPasskey();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setProblem('Give the passkey a name, so you can tell it apart later.');
      return;
    }
    if (!isWebAuthnAvailable()) {
      setProblem(WEBAUTHN_UNAVAILABLE_MESSAGE);
      return;
    }
    setProblem(undefined);
    register.mutate({ label }, { onSuccess: () => onRegistered?.() });
  };

  return (
    <form className="form passkey-form" onSubmit={submit} noValidate aria-label="Add a passkey" data-testid="passkey-registration">
      <TextField
        label="Passkey name"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        hint="Where this passkey lives, e.g. “MacBook Touch ID” or “YubiKey 5”."
        maxLength={100}
        data-testid="passkey-label-input"
      />
      {problem && <Alert tone="warning">{problem}</Alert>}
      {register.isError && <Alert testId="passkey-register-error">{registrationErrorMessage(register.error, rpId)}</Alert>}
      {register.isSuccess && (
        <Alert tone="info" testId="passkey-registered">
          Passkey “{register.variables.label.trim()}” added.
        </Alert>
      )}
      <SubmitRow
        before={
          onCancel && (
            <button type="button" className="button button--ghost" onClick={onCancel} disabled={register.isPending}>
              {cancelLabel}
            </button>
          )
        }
        busy={register.isPending}
        busyLabel="Follow your browser’s prompt…"
        data-testid="passkey-register-submit"
      >
        Create passkey
      </SubmitRow>
    </form>
  );
};
