import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filterParams, type ListFilter } from './page';

/** The 0-based page a list's URL names by its 1-based `page`; anything else is the first page. */
export const pageFromUrl = (params: URLSearchParams): number => {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page > 1 ? page - 1 : 0;
};

/** A list's URL parameters: the filters in the order given (absent and empty ones left out), then the 1-based page unless it is the first. */
export const urlParams = (filters: readonly ListFilter[], page: number | undefined): URLSearchParams => {
  const params = filterParams(filters);
  if (page) params.set('page', String(page + 1));
  return params;
};

/**
 * A list's filters kept in the URL, so a view can be shared and reloaded: `read` takes them from the URL, `write`
 * puts them back, and a changed filter starts again at the first page.
 */
export const useUrlFilters = <F extends { page?: number }>(
  read: (params: URLSearchParams) => F,
  write: (filters: F) => URLSearchParams,
) => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => read(searchParams), [searchParams]);
  const update = (change: Partial<F>, resetPage = true) =>
    setSearchParams(write({ ...filters, ...change, ...(resetPage ? { page: 0 } : {}) }), { replace: true });
  return { filters, update };
};
