import type { ReactNode } from 'react';

export type DetailPageProps = {
  testId: string;
  /** The record's page header, with its actions. */
  header: ReactNode;
  main: ReactNode;
  side: ReactNode;
  /** What the page holds beyond its columns, such as a dialog. */
  children?: ReactNode;
};

/** One record's page: its header over a main column and a side column. */
export const DetailPage = ({ testId, header, main, side, children }: DetailPageProps) => (
  <div className="detail-page" data-testid={testId}>
    {header}
    <div className="detail-page__grid">
      <div className="detail-page__main">{main}</div>
      <aside className="detail-page__side">{side}</aside>
    </div>
    {children}
  </div>
);
