import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { saveJson } from '@/lib/download';

/** `GET /api/hooks/export`: your hooks as a settings.json `{hooks: {…}}`. */
export const exportHookSettings = async (): Promise<Record<string, unknown>> => {
  const { data } = await api.get<Record<string, unknown>>('/api/hooks/export');
  return data;
};

export const useExportHookSettings = () =>
  useMutation({ mutationFn: exportHookSettings, onSuccess: (settings) => saveJson('settings.json', settings) });
