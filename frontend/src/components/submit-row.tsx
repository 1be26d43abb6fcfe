import type { ReactNode } from 'react';
import { BusyButton, type BusyButtonProps } from './busy-button';

export type SubmitRowProps = Omit<BusyButtonProps, 'type'> & {
  /** Shown before the button: "Saved.", a cancel button. */
  before?: ReactNode;
};

/** A form's last row: its submit button, disabled and saying so (`busyLabel`) while the form is sent. */
export const SubmitRow = ({ before, className = 'button button--primary', ...button }: SubmitRowProps) => (
  <div className="form__actions">
    {before}
    <BusyButton type="submit" className={className} {...button} />
  </div>
);
