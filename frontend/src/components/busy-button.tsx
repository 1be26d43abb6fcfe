import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type BusyButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> & {
  /** While true the button is disabled and says `busyLabel` ("Deleting…"), so a click is not sent twice. */
  busy: boolean;
  busyLabel: ReactNode;
  children: ReactNode;
};

/** A button that starts a request and stays disabled, saying so, until it is answered. */
export const BusyButton = ({ busy, busyLabel, disabled, type = 'button', className = 'button', children, ...button }: BusyButtonProps) => (
  <button type={type} className={className} disabled={busy || disabled} {...button}>
    {busy ? busyLabel : children}
  </button>
);
