import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { saveJson } from '@/lib/download';
import { targetParams, type PermissionSettings, type ScopeTarget } from '../types';

/** `GET /api/permissions/export`: one scope's rules as a settings.json `{permissions: {allow, ask, deny}}`. */
export const exportPermissionSettings = async (target: ScopeTarget): Promise<PermissionSettings> => {
  const params = new URLSearchParams(targetParams(target) as Record<string, string>);
  const { data } = await api.get<PermissionSettings>(`/api/permissions/export?${params}`);
  return data;
};

export const useExportPermissionSettings = () =>
  useMutation({ mutationFn: exportPermissionSettings, onSuccess: (settings) => saveJson('settings.json', settings) });
