import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import { accountKeys } from './account-keys';

export type RevokeTokenInput = { id: string };

/** `DELETE /api/me/tokens/{id}`: the token stops working at once. */
export const revokeToken = async ({ id }: RevokeTokenInput): Promise<void> => {
  await api.delete<void>(`/api/me/tokens/${encodeURIComponent(id)}`);
};

export const useRevokeToken = () => useWriteThenRefresh(revokeToken, accountKeys.tokenLists());
