export const nodesKeys = {
  all: ['nodes'] as const,
  self: () => [...nodesKeys.all, 'self'] as const,
  sourceLists: () => [...nodesKeys.all, 'sources'] as const,
  sources: (page: number) => [...nodesKeys.sourceLists(), page] as const,
  remoteSession: (nodeId: string, sessionId: string) => [...nodesKeys.all, 'remote-session', nodeId, sessionId] as const,
  remoteSessionEvents: (nodeId: string, sessionId: string, page: number) =>
    [...nodesKeys.remoteSession(nodeId, sessionId), 'events', page] as const,
  peerLists: () => [...nodesKeys.all, 'peers'] as const,
  peers: (page: number) => [...nodesKeys.peerLists(), page] as const,
  deadLetters: (peerId: string, page: number) => [...nodesKeys.peerLists(), peerId, 'dead-letters', page] as const,
  refusals: (page: number) => [...nodesKeys.all, 'refusals', page] as const,
};
