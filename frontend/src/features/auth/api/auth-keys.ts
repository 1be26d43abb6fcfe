export const authKeys = {
  all: ['auth'] as const,
  state: () => [...authKeys.all, 'state'] as const,
};
