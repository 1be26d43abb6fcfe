import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { usePageQuery } from '@/lib/page-query';
import type { CommandRun } from '../types';
import { commandKeys } from './command-keys';

export const COMMAND_RUNS_PAGE_SIZE = 10;

/** `GET /api/tool-calls?commandId=`: the runs of one command, newest first. */
export const listCommandRuns = async (id: string, page: number, signal?: AbortSignal): Promise<Page<CommandRun>> => {
  const params = new URLSearchParams({ commandId: id });
  if (page) params.set('page', String(page));
  params.set('size', String(COMMAND_RUNS_PAGE_SIZE));
  const { data } = await api.get<Page<CommandRun>>(`/api/tool-calls?${params}`, { signal });
  return data;
};

export const useCommandRuns = (id: string, page: number) => usePageQuery(commandKeys.runs(id, page), (signal) => listCommandRuns(id, page, signal));
