import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { ForwardingPeer } from '../types';
import { nodesKeys } from './nodes-keys';

export const PEERS_PAGE_SIZE = 20;

/** Lag and errors move while the page is open: asked again every few seconds. */
const REFRESH_MS = 5000;

export const listPeers = async (page: number, signal?: AbortSignal): Promise<Page<ForwardingPeer>> => {
  const { data } = await api.get<Page<ForwardingPeer>>(`/api/forwarding/peers?page=${page}&size=${PEERS_PAGE_SIZE}`, { signal });
  return data;
};

export const usePeers = (page: number) =>
  useQuery({
    queryKey: nodesKeys.peers(page),
    queryFn: ({ signal }) => listPeers(page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
