import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from './page';

/** A paged list's query: while another page or filter is read, the page shown stays (and is marked busy). */
export const usePageQuery = <T>(queryKey: QueryKey, load: (signal: AbortSignal) => Promise<Page<T>>) =>
  useQuery({ queryKey, queryFn: ({ signal }) => load(signal), placeholderData: keepPreviousData });
