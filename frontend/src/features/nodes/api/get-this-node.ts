import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ThisNode } from '../types';
import { nodesKeys } from './nodes-keys';

export const getThisNode = async (signal?: AbortSignal): Promise<ThisNode> => {
  const { data } = await api.get<ThisNode>('/api/nodes/self', { signal });
  return data;
};

export const useThisNode = () => useQuery({ queryKey: nodesKeys.self(), queryFn: ({ signal }) => getThisNode(signal) });
