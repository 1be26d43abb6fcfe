import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Simulation } from '../types';

export type SimulateInput = { tool: string; input: Record<string, unknown>; sessionId?: string; subagentId?: string };

/** `POST /api/permissions/simulate`: what the evaluator would decide, and why, without running anything. */
export const simulateToolCall = async ({ tool, input, sessionId, subagentId }: SimulateInput): Promise<Simulation> => {
  const { data } = await api.post<Simulation>('/api/permissions/simulate', {
    tool: tool.trim(),
    input,
    ...(sessionId ? { sessionId } : {}),
    ...(subagentId ? { subagentId } : {}),
  });
  return { ...data, shadowed: data?.shadowed ?? [] };
};

export const useSimulateToolCall = () => useMutation({ mutationFn: simulateToolCall });
