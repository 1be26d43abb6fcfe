export type RememberMeChoiceProps = { checked: boolean; onChange: (checked: boolean) => void; testId?: string };

/**
 * "Keep me signed in": ticked, the sign-in outlives the browser (a persistent cookie, for weeks); unticked, it ends when
 * the browser closes. Either way a restart of the node signs nobody out, and "Sign out everywhere" ends both.
 */
export const RememberMeChoice = ({ checked, onChange, testId = 'login-remember-me' }: RememberMeChoiceProps) => (
  <label className="scopes__option">
    <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
    <span>Keep me signed in on this device</span>
  </label>
);
