import { useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError, problemCode } from './api-client';

export type FieldErrors = Record<string, string>;

export type VersionedFormOptions<V, R extends { version?: number }> = {
  /** The record edited; none when creating one. */
  record: R | undefined;
  /** The record as the form's values. */
  valuesOf: (record: R) => V;
  /** The values a new record starts from. */
  empty: V;
  /** Errors of the values by field, checked before every save; empty when they may be sent. */
  validate: (values: V) => FieldErrors;
};

type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export type VersionedForm<V, R = unknown> = {
  /** `create` while there is no record yet, else `edit`. */
  mode: 'create' | 'edit';
  values: V;
  /** The fields of the values (those of `empty`): the ones the form shows next to their inputs. */
  fields: readonly (keyof V & string)[];
  /** The values as last loaded: what a patch is computed against. */
  base: V;
  errors: FieldErrors;
  /** Whether the last submit saved (or had nothing to save). */
  saved: boolean;
  set: <K extends keyof V>(field: K, value: V[K]) => void;
  /** Value, change handler and error of a text or choice field, to spread on its input. */
  bind: <K extends KeysOf<V, string>>(field: K) => { value: V[K]; onChange: (event: ChangeEvent<Editable>) => void; error: string | undefined };
  /** The same for a checkbox (`CheckField`). */
  check: <K extends KeysOf<V, boolean>>(field: K) => { checked: V[K]; onChange: (checked: boolean) => void; error: string | undefined };
  setErrors: (errors: FieldErrors) => void;
  markSaved: () => void;
  /** A submit handler that checks the values first and calls `save` only when they pass. */
  submitWith: (save: () => void) => (event: FormEvent) => void;
  /** Sends a patch, or only says "Saved." when nothing changed. */
  savePatch: <P extends object>(patch: P, send: (patch: P) => void) => void;
  /**
   * The submit handler of a create-or-edit form: `create` with the values while there is no record yet, else
   * `update` the record with what changed since it was loaded (`patchOf`), or only say "Saved." when nothing did.
   */
  saveWith: <P extends object>(save: { create: (values: V) => void; patchOf: (before: V, after: V) => P; update: (patch: P, record: R) => void }) => (event: FormEvent) => void;
  /** An `onError` for a save: the refusal's field errors, and a field's message for the problem codes named. */
  refusedWith: (messages: Record<string, [field: keyof V & string, message: string]>) => (error: unknown) => void;
};

/**
 * The state of a create-or-edit form over a versioned record: when a newer version arrives (saved
 * here or elsewhere) the form starts from it unless you have started editing, so a save never sends
 * stale values unnoticed (the server refuses the old `expectedVersion` and the form says so).
 */
export const useVersionedForm = <V extends object, R extends { version?: number }>({
  record,
  valuesOf,
  empty,
  validate,
}: VersionedFormOptions<V, R>): VersionedForm<V, R> => {
  const [values, setValues] = useState<V>(() => (record ? valuesOf(record) : empty));
  const [base, setBase] = useState<V>(values);
  const [baseVersion, setBaseVersion] = useState(record?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  if (record && record.version !== baseVersion) {
    const next = valuesOf(record);
    const untouched = (Object.keys(base) as (keyof V)[]).every((field) => values[field] === base[field]);
    setBaseVersion(record.version);
    setBase(next);
    if (untouched) setValues(next);
  }

  const set = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field as string]: _cleared, ...rest }) => rest);
    setSaved(false);
  };

  const submitWith = (save: () => void) => (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length === 0) save();
  };
  const savePatch = <P extends object>(patch: P, send: (patch: P) => void) => {
    if (Object.keys(patch).length === 0) setSaved(true);
    else send(patch);
  };

  return {
    mode: record ? 'edit' : 'create',
    values,
    fields: Object.keys(empty) as (keyof V & string)[],
    base,
    errors,
    saved,
    set,
    // A select offers only the values of its field's type, so its string is one of them.
    bind: (field) => ({ value: values[field], onChange: (event) => set(field, event.target.value as V[typeof field]), error: errors[field] }),
    check: (field) => ({ checked: values[field], onChange: (checked) => set(field, checked as V[typeof field]), error: errors[field] }),
    setErrors,
    markSaved: () => setSaved(true),
    submitWith,
    savePatch,
    saveWith: ({ create, patchOf, update }) =>
      submitWith(() => {
        if (record) savePatch(patchOf(base, values), (patch) => update(patch, record));
        else create(values);
      }),
    refusedWith: (messages) => (error) => {
      const byField = { ...(isApiError(error) ? error.fieldErrors : {}) };
      const known = messages[problemCode(error) ?? ''];
      if (known) byField[known[0]] = known[1];
      setErrors(byField);
    },
  };
};
