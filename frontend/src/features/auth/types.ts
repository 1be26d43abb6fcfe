export const ROLES = ['admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const SIGNUP_POLICIES = ['open', 'invite', 'closed'] as const;
export type SignupPolicy = (typeof SIGNUP_POLICIES)[number];

/** How sign-in links leave the node: by mail, or written to the node's log when no mail server is configured. */
export type MailDelivery = 'smtp' | 'log';

/** The signed-in user (`GET /api/me`). */
export type Me = {
  id: string;
  email: string;
  displayName: string | null;
  roles: Role[];
  emailVerified: boolean;
  github: { login: string } | null;
  passkeys: number;
};

/** `GET /api/auth/state`: everything the app needs before anything else (it also sets the CSRF cookie). */
export type AuthState = {
  authenticated: boolean;
  user: Me | null;
  setupRequired: boolean;
  signupPolicy: SignupPolicy;
  mailDelivery: MailDelivery;
  rpId: string;
  githubConfigured: boolean;
};

/** What `POST /api/auth/email-link` and `POST /api/auth/claim-admin` answer. */
export type LinkSent = { sent: boolean; delivery?: MailDelivery };

/** What the sign-in endpoints answer on success. */
export type SignInResult = { authenticated: boolean; redirectUrl?: string; newUser?: boolean };

export const isAdmin = (user: Pick<Me, 'roles'> | null | undefined): boolean => Boolean(user?.roles.includes('admin'));
