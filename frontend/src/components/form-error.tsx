import { errorMessage, isApiError } from '@/lib/api-client';
import { Alert } from './alert';

export type FormErrorProps = {
  error: unknown;
  title: string;
  /** Fields the form shows next to their inputs; the others are listed here. */
  placedFields: readonly string[];
  testId?: string;
};

/** Why a form was refused: the problem's `detail`, plus the field errors no input shows. */
export const FormError = ({ error, title, placedFields, testId }: FormErrorProps) => {
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : undefined;
  const unplaced = Object.entries(isApiError(error) ? error.fieldErrors : {}).filter(([field]) => !placedFields.includes(field));
  const general = !problem || problem.detail || !problem.errors?.length ? errorMessage(error) : undefined;
  if (!general && unplaced.length === 0) return null;
  return (
    <Alert title={title} testId={testId}>
      {general && <p>{general}</p>}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code>: {message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
};

/** Field errors of a refused write, keyed by field; empty for anything else. */
export const fieldErrorsOf = (error: unknown): Record<string, string> => (isApiError(error) ? error.fieldErrors : {});
