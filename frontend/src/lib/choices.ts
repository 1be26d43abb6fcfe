import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import type { Page } from './page';

/** A session as pickers list it (which session a command runs in, a hook or rule is limited to, a call is simulated in). */
export type SessionChoice = { id: string; title: string | null; status: string; projectName?: string | null };
/** A subagent as pickers list it. */
export type SubagentChoice = { id: string; name: string; mine?: boolean };

const CHOICES = 100;

/** Query keys of the pickers, shared by every page that offers one: they list the same rows. */
export const choiceKeys = {
  all: ['choices'] as const,
  sessions: () => [...choiceKeys.all, 'sessions'] as const,
  subagents: () => [...choiceKeys.all, 'subagents'] as const,
};

/** `GET /api/sessions`: the latest 100 sessions you may see. */
export const listSessionChoices = async (signal?: AbortSignal): Promise<SessionChoice[]> => {
  const { data } = await api.get<Page<SessionChoice>>(`/api/sessions?size=${CHOICES}`, { signal });
  return data?.items ?? [];
};

/** `GET /api/subagents`: the subagents you may see. */
export const listSubagentChoices = async (signal?: AbortSignal): Promise<SubagentChoice[]> => {
  const { data } = await api.get<Page<SubagentChoice>>(`/api/subagents?size=${CHOICES}`, { signal });
  return data?.items ?? [];
};

export const useSessionChoices = () =>
  useQuery({ queryKey: choiceKeys.sessions(), queryFn: ({ signal }) => listSessionChoices(signal), staleTime: 30_000 });

export const useSubagentChoices = () =>
  useQuery({ queryKey: choiceKeys.subagents(), queryFn: ({ signal }) => listSubagentChoices(signal), staleTime: 30_000 });
