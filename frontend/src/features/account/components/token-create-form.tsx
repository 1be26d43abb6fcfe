import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useFieldErrors, type FieldErrors } from '@/lib/use-field-errors';
import { useCreateToken } from '../api/create-token';
import { TOKEN_SCOPES, type CreatedToken, type TokenScope } from '../types';

const SCOPE_TEXT: Record<TokenScope, string> = {
  read: 'read — GET requests only',
  write: 'write — read, and also create and change',
  admin: 'admin — write, and also /api/admin/**',
};

export type TokenCreateFormProps = { canGrantAdmin: boolean; onCreated: (token: CreatedToken) => void };

type ErrorField = 'name' | 'scopes' | 'expiresInDays';

/** Name, scopes and optional lifetime of a new API token for scripts and CI (`Authorization: Bearer owz_…`). */
export const TokenCreateForm = ({ canGrantAdmin, onCreated }: TokenCreateFormProps) => {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState('');
  const { errors, setErrors, clear, edit } = useFieldErrors<ErrorField>();
  const createToken = useCreateToken();
  const offered = TOKEN_SCOPES.filter((scope) => scope !== 'admin' || canGrantAdmin);

  const toggle = (scope: TokenScope, on: boolean) => {
    setScopes((current) => (on ? TOKEN_SCOPES.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope)));
    clear('scopes');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = days.trim() === '' ? undefined : Number(days);
    const found: FieldErrors<ErrorField> = {
      name: name.trim() ? undefined : 'Name the token after what will use it, e.g. “ci”.',
      scopes: scopes.length ? undefined : 'Pick at least one scope.',
      expiresInDays:
        expiresInDays === undefined || (Number.isInteger(expiresInDays) && expiresInDays > 0)
          ? undefined
          : 'A whole number of days, 1 or more; leave it empty for no expiry.',
    };
    setErrors(found);
    if (found.name || found.scopes || found.expiresInDays) return;
    createToken.mutate(
      { name, scopes: scopes.filter((scope) => offered.includes(scope)), expiresInDays },
      {
        onSuccess: (created) => {
          setName('');
          setDays('');
          setScopes(['read']);
          // The plaintext lives in the dialog only, never in the mutation's cache.
          createToken.reset();
          onCreated(created);
        },
        onError: (error) => (isApiError(error) ? setErrors(error.fieldErrors) : undefined),
      },
    );
  };

  return (
    <form className="form token-form" onSubmit={submit} noValidate aria-label="Create an API token" data-testid="token-form">
      <div className="form__row">
        <TextField
          label="Name"
          value={name}
          onChange={edit(setName, 'name')}
          error={errors.name}
          placeholder="ci"
          maxLength={100}
          data-testid="token-name"
        />
        <TextField
          label="Expires after (days)"
          type="number"
          min={1}
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={errors.expiresInDays}
          hint="Empty: never expires."
          data-testid="token-expiry"
        />
      </div>
      <fieldset className="scopes" aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}>
        <legend className="field__label">Scopes</legend>
        {offered.map((scope) => (
          <label key={scope} className="scopes__option">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
              data-testid={`token-scope-${scope}`}
            />
            <span>{SCOPE_TEXT[scope]}</span>
          </label>
        ))}
        {errors.scopes && (
          <p className="field__error" id="token-scopes-error">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      {createToken.isError && <Alert title="Token not created">{errorMessage(createToken.error)}</Alert>}
      <SubmitRow busy={createToken.isPending} busyLabel="Creating…" data-testid="token-create">
        Create token
      </SubmitRow>
    </form>
  );
};
