import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { usePageQuery } from '@/lib/page-query';
import type { CommandSummary } from '../types';
import { commandKeys } from './command-keys';

export type CommandOwnership = 'all' | 'mine' | 'shared';
export type CommandFilters = { q?: string; ownership?: CommandOwnership; page?: number; size?: number };

export const COMMANDS_PAGE_SIZE = 20;

export const buildCommandsQuery = (filters: CommandFilters): string => {
  const params = new URLSearchParams();
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  if (filters.ownership === 'mine') params.set('mine', 'true');
  if (filters.ownership === 'shared') params.set('shared', 'true');
  if (filters.page) params.set('page', String(filters.page));
  params.set('size', String(filters.size ?? COMMANDS_PAGE_SIZE));
  return params.toString();
};

/** `GET /api/slash-commands`: yours and the shared ones. */
export const listCommands = async (filters: CommandFilters, signal?: AbortSignal): Promise<Page<CommandSummary>> => {
  const { data } = await api.get<Page<CommandSummary>>(`/api/slash-commands?${buildCommandsQuery(filters)}`, { signal });
  return data;
};

export const useCommands = (filters: CommandFilters) => usePageQuery(commandKeys.list(filters), (signal) => listCommands(filters, signal));
