import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { SessionChoice, SubagentChoice } from '../types';
import { permissionKeys } from './permission-keys';

const CHOICES = 100;

/** `GET /api/sessions`: the latest 100 sessions, for session rules and the simulator. */
export const listSessionChoices = async (signal?: AbortSignal): Promise<SessionChoice[]> => {
  const { data } = await api.get<Page<SessionChoice>>(`/api/sessions?size=${CHOICES}`, { signal });
  return data?.items ?? [];
};

/** `GET /api/subagents`, for subagent rules and the simulator. */
export const listSubagentChoices = async (signal?: AbortSignal): Promise<SubagentChoice[]> => {
  const { data } = await api.get<Page<SubagentChoice>>(`/api/subagents?size=${CHOICES}`, { signal });
  return data?.items ?? [];
};

export const useSessionChoices = () =>
  useQuery({ queryKey: permissionKeys.sessionChoices(), queryFn: ({ signal }) => listSessionChoices(signal), staleTime: 30_000 });

export const useSubagentChoices = () =>
  useQuery({ queryKey: permissionKeys.subagentChoices(), queryFn: ({ signal }) => listSubagentChoices(signal), staleTime: 30_000 });
