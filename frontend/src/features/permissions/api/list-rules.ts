import { pageQuery, type Page } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { Rule, RuleScope } from '../types';
import { permissionKeys } from './permission-keys';

export const RULES_PAGE_SIZE = 20;

/** `GET /api/permissions?scope=`: the rules of one scope you may see. */
export const listRules = (scope: RuleScope, page: number, signal?: AbortSignal): Promise<Page<Rule>> =>
  getPage(`/api/permissions?${pageQuery([['scope', scope]], page, RULES_PAGE_SIZE)}`, signal);

export const useRules = (scope: RuleScope, page: number) => usePageQuery(permissionKeys.ruleList(scope, page), (signal) => listRules(scope, page, signal));
