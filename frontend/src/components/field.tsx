import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type FieldFrameProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
};

const FieldFrame = ({ id, label, hint, error, className, children }: FieldFrameProps) => (
  <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
    <label className="field__label" htmlFor={id}>
      {label}
    </label>
    {children}
    {hint && !error && (
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    )}
    {error && (
      <p className="field__error" id={`${id}-error`}>
        {error}
      </p>
    )}
  </div>
);

const describedBy = (id: string, hint: unknown, error: unknown) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

type CommonProps = { label: string; hint?: ReactNode; error?: string; fieldClassName?: string };

export type TextFieldProps = CommonProps & InputHTMLAttributes<HTMLInputElement>;

export const TextField = ({ label, hint, error, fieldClassName, id, ...input }: TextFieldProps) => {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} className={fieldClassName}>
      <input
        id={inputId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
};

export type TextAreaFieldProps = CommonProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export const TextAreaField = ({ label, hint, error, fieldClassName, id, ...textarea }: TextAreaFieldProps) => {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} className={fieldClassName}>
      <textarea
        id={inputId}
        className="input input--multiline"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
};

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = CommonProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[]; placeholder?: string };

export const SelectField = ({ label, hint, error, fieldClassName, id, options, placeholder, ...select }: SelectFieldProps) => {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} className={fieldClassName}>
      <select
        id={inputId}
        className="input input--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

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
