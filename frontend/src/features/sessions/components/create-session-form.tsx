import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { SelectField, TextAreaField, TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { errorMessage, isApiError } from '@/lib/api-client';
import { humanize } from '@/lib/format';
import { useFieldErrors } from '@/lib/use-field-errors';
import { useCreateSession, type CreateSessionInput } from '../api/create-session';
import { SESSION_MODES, SESSION_SOURCES, type SessionMode, type SessionSource } from '../types';

type FormValues = {
  title: string;
  description: string;
  prompt: string;
  mode: SessionMode;
  source: SessionSource;
  projectName: string;
  branch: string;
  environment: string;
};

const EMPTY: FormValues = {
  title: '',
  description: '',
  prompt: '',
  mode: 'plan',
  source: 'web',
  projectName: '',
  branch: '',
  environment: '',
};

const FIELDS = Object.keys(EMPTY) as (keyof FormValues)[];

export type CreateSessionFormProps = { onCreated: (id: string) => void };

export const CreateSessionForm = ({ onCreated }: CreateSessionFormProps) => {
  const [values, setValues] = useState<FormValues>(EMPTY);
  const { errors: fieldErrors, setErrors: setFieldErrors, clear } = useFieldErrors();
  const createSession = useCreateSession();

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  const bind = <K extends keyof FormValues>(field: K) => ({
    name: field,
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(field, e.target.value as FormValues[K]),
    error: fieldErrors[field],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    const input: CreateSessionInput = { ...values };
    try {
      const created = await createSession.mutateAsync(input);
      setValues(EMPTY);
      onCreated(created.id);
    } catch (error) {
      if (isApiError(error)) setFieldErrors(error.fieldErrors);
    }
  };

  const error = createSession.error;
  const unplacedErrors = Object.entries(fieldErrors).filter(([field]) => !FIELDS.includes(field as keyof FormValues));
  const generalMessage = error && (!isApiError(error) || error.problem.detail || !error.problem.errors?.length)
    ? errorMessage(error)
    : undefined;
  const pending = createSession.isPending;

  return (
    <form className="form create-session-form" data-testid="create-session-form" onSubmit={submit} noValidate>
      {error && (generalMessage || unplacedErrors.length > 0) && (
        <Alert title="Session not created" testId="create-session-error">
          {generalMessage && <p>{generalMessage}</p>}
          {unplacedErrors.length > 0 && (
            <ul>
              {unplacedErrors.map(([field, message]) => (
                <li key={field}>
                  <code>{field}</code>: {message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <TextField label="Title" {...bind('title')} placeholder="Refactor the auth module" data-testid="create-session-title" />
      <TextAreaField
        label="Prompt"
        {...bind('prompt')}
        rows={4}
        hint="The first instruction for the agent. Optional."
        data-testid="create-session-prompt"
      />
      <TextAreaField label="Description" {...bind('description')} rows={2} data-testid="create-session-description" />
      <div className="form__row">
        <SelectField
          label="Mode"
          {...bind('mode')}
          options={SESSION_MODES.map((mode) => ({ value: mode, label: humanize(mode) }))}
          data-testid="create-session-mode"
        />
        <SelectField
          label="Source"
          {...bind('source')}
          options={SESSION_SOURCES.map((source) => ({ value: source, label: humanize(source) }))}
          data-testid="create-session-source"
        />
      </div>
      <div className="form__row">
        <TextField label="Project" {...bind('projectName')} data-testid="create-session-project" />
        <TextField label="Branch" {...bind('branch')} data-testid="create-session-branch" />
      </div>
      <TextField label="Environment" {...bind('environment')} placeholder="local, staging…" data-testid="create-session-environment" />
      <SubmitRow busy={pending} busyLabel="Creating…" data-testid="create-session-submit">
        Create session
      </SubmitRow>
    </form>
  );
};
