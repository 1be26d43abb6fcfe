import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PeerRedaction } from '../types';
import { nodesKeys } from './nodes-keys';

export type RegisterPeerInput = { url: string; nodeId: string; publicKey: string; eventTypes: string; redaction: PeerRedaction };

/** `eventTypes` as typed: names or prefixes (`Session*`) separated by commas or spaces; empty sends every type. */
export const registerPeer = async ({ url, nodeId, publicKey, eventTypes, redaction }: RegisterPeerInput): Promise<{ id: string; version: number }> => {
  const types = eventTypes
    .split(/[\s,]+/)
    .map((type) => type.trim())
    .filter((type) => type.length > 0);
  const body = {
    url: url.trim(),
    nodeId: nodeId.trim(),
    publicKey: publicKey.trim(),
    redaction: redaction.toLowerCase(),
    ...(types.length > 0 ? { eventTypes: types } : {}),
  };
  const { data } = await api.post<{ id: string; version: number }>('/api/forwarding/peers', body);
  return data;
};

export const useRegisterPeer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerPeer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodesKeys.peerLists() }),
  });
};
