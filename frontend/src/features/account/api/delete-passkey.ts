import { api, isApiError } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import { accountKeys } from './account-keys';

export type DeletePasskeyInput = { id: string; confirm?: boolean };

/** `DELETE /api/me/passkeys/{id}`; the last one needs `?confirm=true` (sign-in then works only by email link). */
export const deletePasskey = async ({ id, confirm }: DeletePasskeyInput): Promise<void> => {
  await api.delete<void>(`/api/me/passkeys/${encodeURIComponent(id)}${confirm ? '?confirm=true' : ''}`);
};

export const isLastPasskey = (error: unknown): boolean => isApiError(error) && error.code === 'LAST_PASSKEY';

export const useDeletePasskey = () => useWriteThenRefresh(deletePasskey, accountKeys.passkeys());
