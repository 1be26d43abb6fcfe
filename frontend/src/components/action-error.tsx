import { errorMessage } from '@/lib/api-client';

export type ActionErrorProps = { error: unknown; prefix?: string };

/** Why a button's request failed, beside the button; nothing while it has not failed. */
export const ActionError = ({ error, prefix }: ActionErrorProps) =>
  error ? (
    <span role="alert" className="field__error">
      {prefix}
      {errorMessage(error)}
    </span>
  ) : null;
