import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from './page-header';
import { Panel } from './panel';

export type ListPageProps = {
  /** The page's title, also the list's label ("Hooks"). */
  title: string;
  /** Where "New …" leads, what it says and its test id. */
  create: { to: string; label: string; testId: string };
  /** The side panel (import, settings.json): its title, the id of that title, and what it holds. */
  side: { title: string; labelledBy: string; content: ReactNode };
  /** Said under the title. */
  intro?: ReactNode;
  /** The list itself. */
  children: ReactNode;
};

/** A command-deck page of records: title with "New …", the list, and a side panel beside it. */
export const ListPage = ({ title, create, side, intro, children }: ListPageProps) => (
  <div className="page">
    <PageHeader
      title={title}
      eyebrow="Command deck"
      actions={
        <Link to={create.to} className="button button--primary" data-testid={create.testId}>
          {create.label}
        </Link>
      }
    >
      {intro}
    </PageHeader>
    <div className="list-layout">
      <section className="list-layout__list" aria-label={title}>
        {children}
      </section>
      <aside className="list-layout__side">
        <Panel title={side.title} labelledBy={side.labelledBy}>
          {side.content}
        </Panel>
      </aside>
    </div>
  </div>
);
