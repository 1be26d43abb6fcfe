import type { FormEvent, ReactNode } from 'react';
import { isVersionMismatch } from '@/lib/api-client';
import { Alert } from './alert';
import { FormError } from './form-error';
import { SubmitRow } from './submit-row';

export type SaveFormProps = {
  /** What the form saves, as the page names it ("slash command"): the form's label. */
  name: string;
  /** The short word for it ("command"): titles, the conflict note and the create button; `name` by default. */
  thing?: string;
  /** Prefix of the test ids: `<prefix>-form`, `-form-error`, `-conflict`, `-saved`, `-save`; `thing` by default. */
  testIdPrefix?: string;
  className?: string;
  mutation: { error: unknown; isPending: boolean };
  /** Create or edit, whether the last submit saved, and the fields shown next to their inputs (errors of others are listed at the top). */
  form: { mode: 'create' | 'edit'; saved: boolean; fields: readonly string[] };
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The frame of a create-or-edit form: why the last save was refused (or that the record changed
 * elsewhere meanwhile), the fields, "Saved." and the submit button.
 */
export const SaveForm = ({ name, thing = name, testIdPrefix = thing, className, mutation, form, onSubmit, children }: SaveFormProps) => {
  const { mode } = form;
  return (
  <form
    className={['form', className].filter(Boolean).join(' ')}
    onSubmit={onSubmit}
    noValidate
    data-testid={`${testIdPrefix}-form`}
    aria-label={mode === 'create' ? `New ${name}` : `Edit ${name}`}
  >
    {isVersionMismatch(mutation.error) ? (
      <Alert tone="warning" title="Changed elsewhere" testId={`${testIdPrefix}-conflict`}>
        This {thing} was changed elsewhere while you edited it. The latest version is loaded; check it and save again.
      </Alert>
    ) : (
      <FormError
        error={mutation.error}
        title={`${capitalized(thing)} not ${mode === 'create' ? 'created' : 'saved'}`}
        placedFields={form.fields}
        testId={`${testIdPrefix}-form-error`}
      />
    )}
    {children}
    <SubmitRow
      before={
        form.saved &&
        !mutation.isPending && (
          <span role="status" className="muted" data-testid={`${testIdPrefix}-saved`}>
            Saved.
          </span>
        )
      }
      busy={mutation.isPending}
      busyLabel="Saving…"
      data-testid={`${testIdPrefix}-save`}
    >
      {mode === 'create' ? `Create ${thing}` : 'Save changes'}
    </SubmitRow>
  </form>
  );
};

export type CheckFieldProps = { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; testId: string; error?: string };

/** A checkbox with its sentence beside it (shared, active…), and its error under it. */
export const CheckField = ({ label, checked, onChange, testId, error }: CheckFieldProps) => (
  <>
    <label className="scopes__option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
    {error && <p className="field__error">{error}</p>}
  </>
);
