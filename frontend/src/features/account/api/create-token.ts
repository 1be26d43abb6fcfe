import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import type { CreatedToken, TokenScope } from '../types';
import { accountKeys } from './account-keys';

export type CreateTokenInput = { name: string; scopes: TokenScope[]; expiresInDays?: number };

/** `POST /api/me/tokens`; the answer carries the plaintext `token`, which the node never shows again. */
export const createToken = async ({ name, scopes, expiresInDays }: CreateTokenInput): Promise<CreatedToken> => {
  const body = expiresInDays === undefined ? { name: name.trim(), scopes } : { name: name.trim(), scopes, expiresInDays };
  const { data } = await api.post<CreatedToken>('/api/me/tokens', body);
  return data;
};

export const useCreateToken = () => useWriteThenRefresh(createToken, accountKeys.tokenLists());
