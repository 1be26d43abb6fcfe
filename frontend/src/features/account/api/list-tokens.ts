import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { usePageQuery } from '@/lib/page-query';
import type { ApiToken } from '../types';
import { accountKeys } from './account-keys';

export const TOKENS_PAGE_SIZE = 20;

export const listTokens = async (page: number, signal?: AbortSignal): Promise<Page<ApiToken>> => {
  const { data } = await api.get<Page<ApiToken>>(`/api/me/tokens?page=${page}&size=${TOKENS_PAGE_SIZE}`, { signal });
  return data;
};

export const useTokens = (page: number) => usePageQuery(accountKeys.tokens(page), (signal) => listTokens(page, signal));
