import { Alert } from './alert';
import { errorMessage } from '@/lib/api-client';

export type RowErrorProps = { error: unknown };

/** Why a list row's action (remove, revoke) failed, under the row; nothing while it has not failed. */
export const RowError = ({ error }: RowErrorProps) =>
  error ? (
    <div className="item-list__note">
      <Alert>{errorMessage(error)}</Alert>
    </div>
  ) : null;
