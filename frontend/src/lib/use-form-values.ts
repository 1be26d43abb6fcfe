import { useState, type ChangeEvent, type FormEvent } from 'react';

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export type FormValues<V> = {
  values: V;
  /** Value and change handler of a text or choice field, to spread on its control. */
  bind: <K extends keyof V>(field: K) => { value: V[K]; onChange: (event: ChangeEvent<Editable>) => void };
  /** A submit handler that sends the values with `mutation` and starts the form over once the write succeeded. */
  submitTo: (mutation: { mutate: (values: V, options: { onSuccess: () => void }) => void }) => (event: FormEvent) => void;
};

/**
 * The values of a form that only creates (no record, no version, so not `useVersionedForm`): one state for every
 * field instead of one `useState` and one setter per field, each field bound to its control by name, and a submit
 * that sends them and empties the form again after the write.
 */
export const useFormValues = <V extends Record<string, string>>(initial: V): FormValues<V> => {
  const [values, setValues] = useState<V>(initial);
  return {
    values,
    bind: (field) => ({
      value: values[field],
      onChange: (event) => setValues((current) => ({ ...current, [field]: event.target.value })),
    }),
    submitTo: (mutation) => (event) => {
      event.preventDefault();
      mutation.mutate(values, { onSuccess: () => setValues(initial) });
    },
  };
};
