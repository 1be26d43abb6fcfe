import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SubagentInput, WriteResult } from '../types';
import { refreshSubagentAfterWrite } from './find-subagent';

/** `POST /api/subagents`; 409 `SUBAGENT_NAME_TAKEN`. */
export const createSubagent = async (input: SubagentInput): Promise<WriteResult> => {
  const { data } = await api.post<WriteResult>('/api/subagents', input);
  return data;
};

export const useCreateSubagent = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSubagent, onSuccess: (result) => refreshSubagentAfterWrite(queryClient, result.id, result.version) });
};
