import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage, isNotFound } from '@/lib/api-client';
import { Alert } from './alert';
import { Spinner } from './spinner';

export type NotFoundPageProps = { title: string; testId: string; backTo: string; backLabel: string; children: ReactNode };

/** The page shown in place of a record the node says does not exist (or you may not see). */
export const NotFoundPage = ({ title, testId, backTo, backLabel, children }: NotFoundPageProps) => (
  <div className="empty-page" data-testid={testId}>
    <h1 className="page-header__title">{title}</h1>
    <p className="muted">{children}</p>
    <Link className="button" to={backTo}>
      {backLabel}
    </Link>
  </div>
);

export type LoadedProps<T> = {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  /** What is loaded, as in "Loading hook…" and "Could not load this hook". */
  what: string;
  notFound: ReactNode;
  /** Keep showing what was loaded when a later read answers 404, instead of the not-found page. */
  keepOnNotFound?: boolean;
  children: (data: T) => ReactNode;
};

/** A detail page's record: not found, loading, or why it could not be read (with a retry); the page once it is there. */
export const Loaded = <T,>({ query, what, notFound, keepOnNotFound = false, children }: LoadedProps<T>) => {
  const { data, error, isPending, refetch } = query;
  if (isNotFound(error) && !(keepOnNotFound && data !== undefined)) return notFound;
  if (isPending && data === undefined) return <Spinner label={`Loading ${what}…`} />;
  if (data === undefined) {
    return (
      <Alert title={`Could not load this ${what}`}>
        <p>{errorMessage(error)}</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          Try again
        </button>
      </Alert>
    );
  }
  return children(data);
};
