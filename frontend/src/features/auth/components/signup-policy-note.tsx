import type { SignupPolicy } from '../types';

const TEXT: Record<SignupPolicy, string> = {
  open: 'New here? Anyone may join this node: ask for an email link above and your account is created when you use it.',
  invite: 'New here? This node is invitation only: ask an admin to invite you, then ask for an email link above.',
  closed: 'This node takes no new members: only existing accounts can sign in.',
};

export const SignupPolicyNote = ({ policy }: { policy: SignupPolicy }) => (
  <p className="auth-policy muted" data-testid="signup-policy-note" data-policy={policy}>
    {TEXT[policy] ?? TEXT.closed}
  </p>
);
