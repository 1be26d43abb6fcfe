import { api } from '@/lib/api-client';
import { useRecordWrite } from '@/lib/record-mutations';
import type { Metadata, SessionMode, SessionSource, WriteResult } from '../types';
import { refreshAfterWrite } from './find-session';

export type CreateSessionInput = {
  title?: string;
  description?: string;
  prompt?: string;
  mode?: SessionMode;
  source?: SessionSource;
  projectName?: string;
  branch?: string;
  environment?: string;
  metadata?: Metadata;
};

/** Blank optional text is left out so the server applies its defaults. */
const withoutBlanks = (input: CreateSessionInput): CreateSessionInput =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && !(typeof value === 'string' && value.trim() === '')),
  );

export const createSession = async (input: CreateSessionInput): Promise<WriteResult> => {
  const { data } = await api.post<WriteResult>('/api/sessions', withoutBlanks(input));
  return data;
};

// Awaited by mutateAsync, so the session page opens with the new session already loaded.
export const useCreateSession = () => useRecordWrite(createSession, refreshAfterWrite);
