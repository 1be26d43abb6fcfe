import { Alert } from '@/components/alert';
import { SelectField } from '@/components/field';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { useSignupPolicy } from '../api/get-signup-policy';
import { useSetSignupPolicy } from '../api/set-signup-policy';
import { SIGNUP_POLICIES, type SignupPolicy } from '../types';

const LABELS: Record<SignupPolicy, string> = { open: 'Open', invite: 'Invitation only', closed: 'Closed' };

export const POLICY_EXPLANATIONS: Record<SignupPolicy, string> = {
  open: 'Anyone who can receive an email link may create an account.',
  invite: 'Only addresses invited below may create an account; existing accounts sign in as usual.',
  closed: 'Nobody new may join, invited or not; existing accounts sign in as usual.',
};

/** Who may create an account; saved as soon as it is changed. */
export const SignupPolicyForm = () => {
  const policy = useSignupPolicy();
  const setPolicy = useSetSignupPolicy();

  if (policy.isPending) return <Spinner label="Loading the sign-up policy…" />;
  if (policy.isError) return <Alert title="Could not load the sign-up policy">{errorMessage(policy.error)}</Alert>;

  const shown = setPolicy.isPending ? setPolicy.variables : policy.data;
  return (
    <div className="form">
      <SelectField
        label="Sign-up policy"
        value={shown}
        disabled={setPolicy.isPending}
        onChange={(e) => setPolicy.mutate(e.target.value as SignupPolicy)}
        options={SIGNUP_POLICIES.map((value) => ({ value, label: LABELS[value] }))}
        data-testid="signup-policy-select"
      />
      <dl className="policy-list">
        {SIGNUP_POLICIES.map((value) => (
          <div
            key={value}
            className={value === shown ? 'policy-list__item policy-list__item--current' : 'policy-list__item'}
            aria-current={value === shown ? 'true' : undefined}
          >
            <dt>{LABELS[value]}</dt>
            <dd>{POLICY_EXPLANATIONS[value]}</dd>
          </div>
        ))}
      </dl>
      {setPolicy.isSuccess && (
        <p role="status" className="muted" data-testid="signup-policy-saved">
          Saved: {LABELS[setPolicy.data]}.
        </p>
      )}
      {setPolicy.isError && <Alert title="Policy not changed">{errorMessage(setPolicy.error)}</Alert>}
    </div>
  );
};
