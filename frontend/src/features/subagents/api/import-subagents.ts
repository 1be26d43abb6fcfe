import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { TextFile } from '@/lib/read-files';
import { refreshNowAndSoon } from '@/lib/use-event-refresh';
import type { ImportResult } from '../types';
import { subagentKeys } from './subagent-keys';

/** `POST /api/subagents/import` with Claude Code `.claude/agents/*.md` files. */
export const importSubagents = async (files: TextFile[]): Promise<ImportResult> => {
  const { data } = await api.post<ImportResult>('/api/subagents/import', { files });
  return { imported: data?.imported ?? [], failed: data?.failed ?? [] };
};

export const useImportSubagents = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importSubagents, onSuccess: () => refreshNowAndSoon(queryClient, subagentKeys.lists()) });
};
