import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type CommonProps = { label: string; hint?: ReactNode; error?: string; fieldClassName?: string };

/** What every control of a field carries: its id (the label's target) and how it is marked invalid and described. */
type ControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

type FieldProps = CommonProps & { id?: string; children: (control: ControlProps) => ReactNode };

/** One labelled control with its hint or, once invalid, its error in place of the hint. */
const Field = ({ id, label, hint, error, fieldClassName, children }: FieldProps) => {
  const generated = useId();
  const controlId = id ?? generated;
  const described = error ? `${controlId}-error` : hint ? `${controlId}-hint` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', fieldClassName].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {children({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint && !error && (
        <p className="field__hint" id={`${controlId}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${controlId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
};

export type TextFieldProps = CommonProps & InputHTMLAttributes<HTMLInputElement>;

export const TextField = ({ label, hint, error, fieldClassName, id, ...input }: TextFieldProps) => (
  <Field id={id} label={label} hint={hint} error={error} fieldClassName={fieldClassName}>
    {(control) => <input {...control} className="input" {...input} />}
  </Field>
);

export type TextAreaFieldProps = CommonProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export const TextAreaField = ({ label, hint, error, fieldClassName, id, ...textarea }: TextAreaFieldProps) => (
  <Field id={id} label={label} hint={hint} error={error} fieldClassName={fieldClassName}>
    {(control) => <textarea {...control} className="input input--multiline" {...textarea} />}
  </Field>
);

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = CommonProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[]; placeholder?: string };

export const SelectField = ({ label, hint, error, fieldClassName, id, options, placeholder, ...select }: SelectFieldProps) => (
  <Field id={id} label={label} hint={hint} error={error} fieldClassName={fieldClassName}>
    {(control) => (
      <select {...control} className="input input--select" {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )}
  </Field>
);

export type SearchFieldProps = { value: string; onChange: (value: string) => void; placeholder: string; testId: string };

/** The free-text search of a list's filter bar. */
export const SearchField = ({ value, onChange, placeholder, testId }: SearchFieldProps) => (
  <TextField
    label="Search"
    type="search"
    value={value}
    onChange={(e) => onChange(e.target.value)}
    placeholder={placeholder}
    fieldClassName="filters__search"
    data-testid={testId}
  />
);
