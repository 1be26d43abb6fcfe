import { pageQuery, type Page } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { CommandRun } from '../types';
import { commandKeys } from './command-keys';

export const COMMAND_RUNS_PAGE_SIZE = 10;

/** `GET /api/tool-calls?commandId=`: the runs of one command, newest first. */
export const listCommandRuns = (id: string, page: number, signal?: AbortSignal): Promise<Page<CommandRun>> =>
  getPage(`/api/tool-calls?${pageQuery([['commandId', id]], page, COMMAND_RUNS_PAGE_SIZE)}`, signal);

export const useCommandRuns = (id: string, page: number) => usePageQuery(commandKeys.runs(id, page), (signal) => listCommandRuns(id, page, signal));
