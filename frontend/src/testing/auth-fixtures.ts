import type { AuthState, Me } from '@/features/auth/types';

export const USER_ID = 'a1b2c3d4-0000-4000-8000-00000000000a';

export const aMe = (overrides: Partial<Me> = {}): Me => ({
  id: USER_ID,
  email: 'ada@example.com',
  displayName: 'Ada Lovelace',
  roles: ['member'],
  emailVerified: true,
  github: null,
  passkeys: 1,
  ...overrides,
});

export const anAdmin = (overrides: Partial<Me> = {}): Me => aMe({ roles: ['admin', 'member'], ...overrides });

export const anAuthState = (overrides: Partial<AuthState> = {}): AuthState => ({
  authenticated: true,
  user: aMe(),
  setupRequired: false,
  signupPolicy: 'open',
  mailDelivery: 'smtp',
  rpId: 'localhost',
  githubConfigured: false,
  ...overrides,
});

export const signedOutState = (overrides: Partial<AuthState> = {}): AuthState =>
  anAuthState({ authenticated: false, user: null, ...overrides });

/** Sets the CSRF cookie as `GET /api/auth/state` would. */
export const setXsrfCookie = (value = 'xsrf-token-1') => {
  document.cookie = `XSRF-TOKEN=${value}; path=/`;
};

export const clearXsrfCookie = () => {
  document.cookie = 'XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
};
