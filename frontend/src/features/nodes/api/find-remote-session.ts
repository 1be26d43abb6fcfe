import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import type { ForwardedEvent, RemoteSession } from '../types';
import { nodesKeys } from './nodes-keys';

export const REMOTE_EVENTS_PAGE_SIZE = 50;

const remotePath = (nodeId: string, sessionId: string) =>
  `/api/forwarding/sessions/${encodeURIComponent(nodeId)}/${encodeURIComponent(sessionId)}`;

export const findRemoteSession = async (nodeId: string, sessionId: string, signal?: AbortSignal): Promise<RemoteSession> => {
  const { data } = await api.get<RemoteSession>(remotePath(nodeId, sessionId), { signal });
  return data;
};

export const listRemoteSessionEvents = async (
  nodeId: string,
  sessionId: string,
  page: number,
  signal?: AbortSignal,
): Promise<Page<ForwardedEvent>> => {
  const { data } = await api.get<Page<ForwardedEvent>>(
    `${remotePath(nodeId, sessionId)}/events?page=${page}&size=${REMOTE_EVENTS_PAGE_SIZE}`,
    { signal },
  );
  return data;
};

export const useRemoteSession = (nodeId: string, sessionId: string) =>
  useQuery({
    queryKey: nodesKeys.remoteSession(nodeId, sessionId),
    queryFn: ({ signal }) => findRemoteSession(nodeId, sessionId, signal),
  });

export const useRemoteSessionEvents = (nodeId: string, sessionId: string, page: number) =>
  useQuery({
    queryKey: nodesKeys.remoteSessionEvents(nodeId, sessionId, page),
    queryFn: ({ signal }) => listRemoteSessionEvents(nodeId, sessionId, page, signal),
    placeholderData: keepPreviousData,
  });
