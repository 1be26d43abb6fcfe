import { pageQuery, type Page } from '@/lib/page';
import { getPage, usePageQuery } from '@/lib/page-query';
import type { CommandSummary } from '../types';
import { commandKeys } from './command-keys';

export type CommandOwnership = 'all' | 'mine' | 'shared';
export type CommandFilters = { q?: string; ownership?: CommandOwnership; page?: number; size?: number };

export const COMMANDS_PAGE_SIZE = 20;

export const buildCommandsQuery = (filters: CommandFilters): string =>
  pageQuery(
    [
      ['q', filters.q?.trim()],
      ['mine', filters.ownership === 'mine' ? 'true' : undefined],
      ['shared', filters.ownership === 'shared' ? 'true' : undefined],
    ],
    filters.page,
    filters.size ?? COMMANDS_PAGE_SIZE,
  );

/** `GET /api/slash-commands`: yours and the shared ones. */
export const listCommands = (filters: CommandFilters, signal?: AbortSignal): Promise<Page<CommandSummary>> =>
  getPage(`/api/slash-commands?${buildCommandsQuery(filters)}`, signal);

export const useCommands = (filters: CommandFilters) => usePageQuery(commandKeys.list(filters), (signal) => listCommands(filters, signal));
