import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { TextAreaField, TextField } from '@/components/field';
import { isApiError, isVersionMismatch } from '@/lib/api-client';
import type { SessionView } from '../api/find-session';
import { useUpdateSession, type SessionPatch } from '../api/update-session';
import { WriteError } from './write-error';

type EditableField = 'title' | 'description' | 'projectName' | 'branch' | 'environment';
type Values = Record<EditableField, string>;

const EDITABLE: EditableField[] = ['title', 'description', 'projectName', 'branch', 'environment'];

const valuesOf = (session: SessionView): Values => ({
  title: session.title ?? '',
  description: session.description ?? '',
  projectName: session.projectName ?? '',
  branch: session.branch ?? '',
  environment: session.environment ?? '',
});

/** The merge patch of what changed; a cleared field becomes `null`. */
export const diffPatch = (before: Values, after: Values): SessionPatch => {
  const patch: SessionPatch = {};
  for (const field of EDITABLE) {
    const value = after[field].trim();
    if (value === before[field].trim()) continue;
    patch[field] = value === '' ? null : value;
  }
  return patch;
};

export const SessionEditForm = ({ session }: { session: SessionView }) => {
  const [values, setValues] = useState<Values>(() => valuesOf(session));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const updateSession = useUpdateSession();
  const fieldErrors = isApiError(updateSession.error) ? updateSession.error.fieldErrors : {};

  // Follow changes made elsewhere (or reloaded after a 412) unless the user is mid-edit.
  useEffect(() => {
    if (!dirty) setValues(valuesOf(session));
  }, [session, dirty]);

  const set = (field: EditableField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setDirty(true);
    setSaved(false);
  };

  const bind = (field: EditableField) => ({
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(field, e.target.value),
    error: fieldErrors[field],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = diffPatch(valuesOf(session), values);
    if (Object.keys(patch).length === 0) {
      setDirty(false);
      return;
    }
    updateSession.mutate(
      { id: session.id, patch, expectedVersion: session.etagVersion },
      {
        onSuccess: () => {
          setDirty(false);
          setSaved(true);
        },
        onError: (error) => {
          if (isVersionMismatch(error)) setDirty(false);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Edit session details" data-testid="session-edit-form">
      <TextField label="Title" {...bind('title')} data-testid="session-edit-title" />
      <TextAreaField label="Description" rows={3} {...bind('description')} data-testid="session-edit-description" />
      <TextField label="Project" {...bind('projectName')} data-testid="session-edit-project" />
      <TextField label="Branch" {...bind('branch')} data-testid="session-edit-branch" />
      <TextField label="Environment" {...bind('environment')} data-testid="session-edit-environment" />
      {saved && !updateSession.isPending && <Alert tone="info">Saved.</Alert>}
      {Object.keys(fieldErrors).length === 0 && <WriteError error={updateSession.error} />}
      <div className="form__actions">
        <button
          type="button"
          className="button button--ghost"
          disabled={!dirty || updateSession.isPending}
          onClick={() => {
            setValues(valuesOf(session));
            setDirty(false);
            updateSession.reset();
          }}
        >
          Reset
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!dirty || updateSession.isPending}
          data-testid="session-edit-submit"
        >
          {updateSession.isPending ? 'Saving…' : 'Save details'}
        </button>
      </div>
    </form>
  );
};
