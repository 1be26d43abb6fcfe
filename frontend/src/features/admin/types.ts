export const SIGNUP_POLICIES = ['open', 'invite', 'closed'] as const;
export type SignupPolicy = (typeof SIGNUP_POLICIES)[number];

export type AdminUser = {
  id: string;
  email: string;
  displayName: string | null;
  roles: string[];
  emailVerified: boolean;
  createdAt: string;
};

export type Invitation = { email: string; invitedBy: string | null; invitedAt: string };
