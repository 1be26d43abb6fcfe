import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { PeerDeadLetter } from '../types';
import { nodesKeys } from './nodes-keys';

export const DEAD_LETTERS_PAGE_SIZE = 20;

export const listDeadLetters = async (peerId: string, page: number, signal?: AbortSignal): Promise<Page<PeerDeadLetter>> => {
  const { data } = await api.get<Page<PeerDeadLetter>>(
    `/api/forwarding/peers/${encodeURIComponent(peerId)}/dead-letters?page=${page}&size=${DEAD_LETTERS_PAGE_SIZE}`,
    { signal },
  );
  return data;
};

export const useDeadLetters = (peerId: string, page: number) =>
  useQuery({
    queryKey: nodesKeys.deadLetters(peerId, page),
    queryFn: ({ signal }) => listDeadLetters(peerId, page, signal),
    placeholderData: keepPreviousData,
  });
