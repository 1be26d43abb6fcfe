import type { ReactNode } from 'react';

export type AlertProps = { tone?: 'error' | 'warning' | 'info'; title?: string; children?: ReactNode; testId?: string };

/** Errors interrupt (role=alert); warnings and notes are announced politely. */
export const Alert = ({ tone = 'error', title, children, testId }: AlertProps) => (
  <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
    {title && <strong className="alert__title">{title}</strong>}
    {children && <div className="alert__body">{children}</div>}
  </div>
);
