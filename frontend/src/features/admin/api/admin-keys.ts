export const adminKeys = {
  all: ['admin'] as const,
  userLists: () => [...adminKeys.all, 'users'] as const,
  users: (page: number) => [...adminKeys.userLists(), page] as const,
  signupPolicy: () => [...adminKeys.all, 'signup-policy'] as const,
  invitationLists: () => [...adminKeys.all, 'invitations'] as const,
  invitations: (page: number) => [...adminKeys.invitationLists(), page] as const,
  projections: () => [...adminKeys.all, 'projections'] as const,
  deadLetterLists: (name: string) => [...adminKeys.projections(), name, 'dead-letters'] as const,
  deadLetters: (name: string, page: number) => [...adminKeys.deadLetterLists(name), page] as const,
};
