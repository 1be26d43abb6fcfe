import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { SelectField, TextAreaField, TextField } from '@/components/field';
import { errorMessage, isApiError } from '@/lib/api-client';
import { humanize } from '@/lib/format';
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
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const createSession = useCreateSession();

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors(({ [field]: _cleared, ...rest }) => rest);
  };

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
      <TextField
        label="Title"
        name="title"
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
        error={fieldErrors.title}
        placeholder="Refactor the auth module"
        data-testid="create-session-title"
      />
      <TextAreaField
        label="Prompt"
        name="prompt"
        rows={4}
        value={values.prompt}
        onChange={(e) => set('prompt', e.target.value)}
        error={fieldErrors.prompt}
        hint="The first instruction for the agent. Optional."
        data-testid="create-session-prompt"
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={2}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={fieldErrors.description}
        data-testid="create-session-description"
      />
      <div className="form__row">
        <SelectField
          label="Mode"
          name="mode"
          value={values.mode}
          onChange={(e) => set('mode', e.target.value as SessionMode)}
          options={SESSION_MODES.map((mode) => ({ value: mode, label: humanize(mode) }))}
          error={fieldErrors.mode}
          data-testid="create-session-mode"
        />
        <SelectField
          label="Source"
          name="source"
          value={values.source}
          onChange={(e) => set('source', e.target.value as SessionSource)}
          options={SESSION_SOURCES.map((source) => ({ value: source, label: humanize(source) }))}
          error={fieldErrors.source}
          data-testid="create-session-source"
        />
      </div>
      <div className="form__row">
        <TextField
          label="Project"
          name="projectName"
          value={values.projectName}
          onChange={(e) => set('projectName', e.target.value)}
          error={fieldErrors.projectName}
          data-testid="create-session-project"
        />
        <TextField
          label="Branch"
          name="branch"
          value={values.branch}
          onChange={(e) => set('branch', e.target.value)}
          error={fieldErrors.branch}
          data-testid="create-session-branch"
        />
      </div>
      <TextField
        label="Environment"
        name="environment"
        value={values.environment}
        onChange={(e) => set('environment', e.target.value)}
        error={fieldErrors.environment}
        placeholder="local, staging…"
        data-testid="create-session-environment"
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending} data-testid="create-session-submit">
          {pending ? 'Creating…' : 'Create session'}
        </button>
      </div>
    </form>
  );
};
