import type { ReactNode } from 'react';

export type FactProps = { label: string; children: ReactNode; testId?: string };

/** One labelled value of a detail page's `<dl className="facts">`. */
export const Fact = ({ label, children, testId }: FactProps) => (
  <div className="facts__item">
    <dt>{label}</dt>
    <dd data-testid={testId}>{children}</dd>
  </div>
);
