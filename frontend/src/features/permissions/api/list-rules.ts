import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { usePageQuery } from '@/lib/page-query';
import type { Rule, RuleScope } from '../types';
import { permissionKeys } from './permission-keys';

export const RULES_PAGE_SIZE = 20;

/** `GET /api/permissions?scope=`: the rules of one scope you may see. */
export const listRules = async (scope: RuleScope, page: number, signal?: AbortSignal): Promise<Page<Rule>> => {
  const params = new URLSearchParams({ scope });
  if (page) params.set('page', String(page));
  params.set('size', String(RULES_PAGE_SIZE));
  const { data } = await api.get<Page<Rule>>(`/api/permissions?${params}`, { signal });
  return data;
};

export const useRules = (scope: RuleScope, page: number) => usePageQuery(permissionKeys.ruleList(scope, page), (signal) => listRules(scope, page, signal));
