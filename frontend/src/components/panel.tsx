import type { ReactNode } from 'react';

export type PanelProps = { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; labelledBy?: string };

/** A titled card of the deck. */
export const Panel = ({ title, actions, children, className, labelledBy }: PanelProps) => (
  <section className={['panel', className].filter(Boolean).join(' ')} aria-labelledby={labelledBy}>
    {(title || actions) && (
      <header className="panel__header">
        {title && (
          <h2 className="panel__title" id={labelledBy}>
            {title}
          </h2>
        )}
        {actions && <div className="panel__actions">{actions}</div>}
      </header>
    )}
    <div className="panel__body">{children}</div>
  </section>
);
