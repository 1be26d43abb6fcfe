import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { TextFile } from '@/lib/read-files';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import type { ImportResult } from '../types';
import { commandKeys } from './command-keys';

/** `POST /api/slash-commands/import` with Claude Code `.claude/commands/**\/*.md` files. */
export const importCommands = async (files: TextFile[]): Promise<ImportResult> => {
  const { data } = await api.post<ImportResult>('/api/slash-commands/import', { files });
  return { imported: data?.imported ?? [], failed: data?.failed ?? [] };
};

export const useImportCommands = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCommands,
    onSuccess: () => refreshNowAndSoon(queryClient, commandKeys.lists()),
  });
};
