import { api } from '@/lib/api-client';
import { useRecordWrite } from '@/lib/record-mutations';
import type { WriteResult } from '../types';
import { refreshAfterWrite } from './find-session';

export type ShareSessionInput = { id: string; shared: boolean };

export const shareSession = async ({ id, shared }: ShareSessionInput): Promise<WriteResult> => {
  const { data } = await api.post<WriteResult>(`/api/sessions/${encodeURIComponent(id)}/sharing`, { shared });
  return data;
};

export const useShareSession = () => useRecordWrite(shareSession, refreshAfterWrite);
