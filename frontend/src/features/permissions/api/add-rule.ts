import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { targetParams, type Outcome, type ScopeTarget } from '../types';
import { permissionKeys } from './permission-keys';

export type AddRuleInput = ScopeTarget & { rule: string; outcome: Outcome };

/** `POST /api/permissions`; global rules are for admins only (403 `PERMISSION_GLOBAL_ADMIN_ONLY`). */
export const addRule = async ({ rule, outcome, ...target }: AddRuleInput): Promise<{ id: string; version: number }> => {
  const { data } = await api.post<{ id: string; version: number }>('/api/permissions', {
    rule: rule.trim(),
    outcome,
    ...targetParams(target),
  });
  return data;
};

export const useAddRule = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addRule, onSuccess: () => refreshNowAndSoon(queryClient, permissionKeys.rules()) });
};
