import { useState, type ChangeEvent, type Dispatch, type SetStateAction } from 'react';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/**
 * A hand-written form's errors by field. Editing a field drops its error at once (the rest stay until the next
 * submit), so `edit(setName, 'name')` is the field's whole change handler.
 */
export const useFieldErrors = <K extends string = string>() => {
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const clear = (...fields: K[]) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field as K))) as FieldErrors<K>);
  const edit =
    (set: Dispatch<SetStateAction<string>>, field: K) =>
    (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      set(event.target.value);
      clear(field);
    };
  return { errors, setErrors, clear, edit };
};
