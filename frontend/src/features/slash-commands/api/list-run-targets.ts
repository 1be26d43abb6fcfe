import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { SessionChoice, SubagentChoice } from '../types';
import { commandKeys } from './command-keys';

const CHOICES = 100;

/** `GET /api/sessions`: the latest 100 sessions you may run a command in. */
export const listSessionChoices = async (signal?: AbortSignal): Promise<SessionChoice[]> => {
  const { data } = await api.get<Page<SessionChoice>>(`/api/sessions?size=${CHOICES}`, { signal });
  return data?.items ?? [];
};

/** `GET /api/subagents`: subagents a run may act as. */
export const listSubagentChoices = async (signal?: AbortSignal): Promise<SubagentChoice[]> => {
  const { data } = await api.get<Page<SubagentChoice>>(`/api/subagents?size=${CHOICES}`, { signal });
  return data?.items ?? [];
};

export const useSessionChoices = () =>
  useQuery({ queryKey: commandKeys.sessionChoices(), queryFn: ({ signal }) => listSessionChoices(signal), staleTime: 30_000 });

export const useSubagentChoices = () =>
  useQuery({ queryKey: commandKeys.subagentChoices(), queryFn: ({ signal }) => listSubagentChoices(signal), staleTime: 30_000 });
