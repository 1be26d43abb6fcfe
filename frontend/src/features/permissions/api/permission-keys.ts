export const permissionKeys = {
  all: ['permissions'] as const,
  rules: () => [...permissionKeys.all, 'rules'] as const,
  ruleList: (scope: string, page: number) => [...permissionKeys.rules(), scope, page] as const,
  policyLists: () => [...permissionKeys.all, 'policies'] as const,
  policies: (page: number) => [...permissionKeys.policyLists(), page] as const,
};
