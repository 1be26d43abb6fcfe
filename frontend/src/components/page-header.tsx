import type { ReactNode } from 'react';

export type PageHeaderProps = { title: ReactNode; eyebrow?: ReactNode; actions?: ReactNode; children?: ReactNode };

export const PageHeader = ({ title, eyebrow, actions, children }: PageHeaderProps) => (
  <header className="page-header">
    <div className="page-header__text">
      {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
      <h1 className="page-header__title">{title}</h1>
      {children}
    </div>
    {actions && <div className="page-header__actions">{actions}</div>}
  </header>
);
