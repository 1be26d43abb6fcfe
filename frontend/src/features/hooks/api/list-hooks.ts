import { pageQuery, type Page } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { Hook } from '../types';
import { hookKeys } from './hook-keys';

export const HOOKS_PAGE_SIZE = 20;

/** `GET /api/hooks`. */
export const listHooks = (page: number, signal?: AbortSignal): Promise<Page<Hook>> =>
  getPage(`/api/hooks?${pageQuery([], page, HOOKS_PAGE_SIZE)}`, signal);

export const useHooks = (page: number) => usePageQuery(hookKeys.list(page), (signal) => listHooks(page, signal));
