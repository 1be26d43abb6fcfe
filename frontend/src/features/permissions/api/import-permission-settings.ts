import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import { targetParams, type ImportCounts, type ScopeTarget } from '../types';
import { permissionKeys } from './permission-keys';

export type ImportSettingsInput = ScopeTarget & { settings: Record<string, unknown> };

/** `POST /api/permissions/import`: the allow/ask/deny lists of a Claude Code settings.json become rules. */
export const importPermissionSettings = async ({ settings, ...target }: ImportSettingsInput): Promise<ImportCounts> => {
  const { data } = await api.post<ImportCounts>('/api/permissions/import', { settings, ...targetParams(target) });
  return { added: data?.added ?? 0, skipped: data?.skipped ?? 0 };
};

export const useImportPermissionSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importPermissionSettings,
    onSuccess: () => refreshNowAndSoon(queryClient, permissionKeys.rules()),
  });
};
