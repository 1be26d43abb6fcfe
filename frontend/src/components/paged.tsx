import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';
import type { Page } from '@/lib/page';
import { Alert } from './alert';
import { Pagination } from './pagination';
import { Spinner } from './spinner';

/** What a list says while it loads, when it failed, and what its pagination counts. */
export type PagedLabels = {
  /** The spinner's label while the first page is read ("Loading tokens…"). */
  loading: string;
  /** The title of why it could not be read ("Could not load tokens"). */
  failed: string;
  /** What the pagination counts: one and many ("token", "tokens"). */
  counted: readonly [one: string, many: string];
};

export type PagedProps<T> = PagedLabels & {
  query: { data: Page<T> | undefined; error: unknown; isPending: boolean; isError: boolean };
  onPageChange: (page: number) => void;
  /**
   * A browser's list (filters above it): the pagination stays even with one page, and a failed refresh is said
   * above the rows still shown; a settings list shows the pagination only when there is more than one page.
   */
  browser?: boolean;
  /** Show the pagination even with one page (as a browser does), without the browser's refresh failure. */
  alwaysPaginate?: boolean;
  /** The rows of the page read. */
  children: (page: Page<T>) => ReactNode;
};

/** A paged list's states: loading, why it could not be read, or the page with its pagination. */
export const Paged = <T,>({ query, loading, failed, counted, onPageChange, browser = false, alwaysPaginate = browser, children }: PagedProps<T>) => {
  const { data } = query;
  const failure = query.isError ? <Alert title={failed}>{errorMessage(query.error)}</Alert> : null;
  if (query.isPending) return <Spinner label={loading} />;
  if (!data) return failure;
  return (
    <>
      {browser && failure}
      {children(data)}
      {(alwaysPaginate || data.totalPages > 1) && (
        <Pagination
          page={data.page}
          totalPages={data.totalPages}
          totalItems={data.totalItems}
          itemLabel={data.totalItems === 1 ? counted[0] : counted[1]}
          onPageChange={onPageChange}
        />
      )}
    </>
  );
};

/** What a settings list says: {@link PagedLabels} and what it says when it is empty ("No open invitations."). */
export type PagedItemLabels = PagedLabels & { empty: ReactNode };

export type PagedItemListProps<T> = Omit<PagedProps<T>, 'children'> &
  PagedItemLabels & {
    'data-testid'?: string;
    /** One row of the page, an `item-list__item` with its key. */
    children: (item: T) => ReactNode;
  };

/** A settings list: {@link Paged} around an item list that says so when it is empty. */
export const PagedItemList = <T,>({ empty, 'data-testid': testId, children, ...paged }: PagedItemListProps<T>) => (
  <Paged {...paged}>
    {(loaded) => (
      <ul className="item-list" data-testid={testId}>
        {loaded.items.length === 0 && <li className="item-list__empty muted">{empty}</li>}
        {loaded.items.map((item) => children(item))}
      </ul>
    )}
  </Paged>
);
