import { api } from '@/lib/api-client';
import { useRecordWrite } from '@/lib/record-mutations';
import type { CommandInput, WriteResult } from '../types';
import { refreshCommandAfterWrite } from './find-command';

/** `POST /api/slash-commands`; 409 `SLASH_COMMAND_NAME_TAKEN` when you already have one of that name. */
export const createCommand = async (input: CommandInput): Promise<WriteResult> => {
  const { data } = await api.post<WriteResult>('/api/slash-commands', input);
  return data;
};

export const useCreateCommand = () => useRecordWrite(createCommand, refreshCommandAfterWrite);
