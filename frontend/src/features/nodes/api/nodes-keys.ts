export const nodesKeys = {
  all: ['nodes'] as const,
  self: () => [...nodesKeys.all, 'self'] as const,
  sourceLists: () => [...nodesKeys.all, 'sources'] as const,
  sources: (page: number) => [...nodesKeys.sourceLists(), page] as const,
};
