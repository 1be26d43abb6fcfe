export const accountKeys = {
  all: ['account'] as const,
  passkeys: () => [...accountKeys.all, 'passkeys'] as const,
  tokenLists: () => [...accountKeys.all, 'tokens'] as const,
  tokens: (page: number) => [...accountKeys.tokenLists(), page] as const,
  github: () => [...accountKeys.all, 'github'] as const,
};
