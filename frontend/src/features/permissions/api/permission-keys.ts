export const permissionKeys = {
  all: ['permissions'] as const,
  rules: () => [...permissionKeys.all, 'rules'] as const,
  ruleList: (scope: string, page: number) => [...permissionKeys.rules(), scope, page] as const,
  policies: (page: number) => [...permissionKeys.all, 'policies', page] as const,
  sessionChoices: () => [...permissionKeys.all, 'session-choices'] as const,
  subagentChoices: () => [...permissionKeys.all, 'subagent-choices'] as const,
};
