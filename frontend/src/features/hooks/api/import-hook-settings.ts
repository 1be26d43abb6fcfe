import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import type { ImportCounts } from '../types';
import { hookKeys } from './hook-keys';

/** `POST /api/hooks/import`: the hooks block of a Claude Code settings.json becomes command hooks. */
export const importHookSettings = async ({ settings }: { settings: Record<string, unknown> }): Promise<ImportCounts> => {
  const { data } = await api.post<ImportCounts>('/api/hooks/import', { settings });
  return { imported: data?.imported ?? 0, skipped: data?.skipped ?? 0 };
};

export const useImportHookSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importHookSettings, onSuccess: () => refreshNowAndSoon(queryClient, hookKeys.lists()) });
};
