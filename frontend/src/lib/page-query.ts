import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { api } from './api-client';
import type { Page } from './page';

/** `GET` of one page of a list, `pathAndQuery` naming the list, its filters and the page. */
export const getPage = async <T>(pathAndQuery: string, signal?: AbortSignal): Promise<Page<T>> => {
  const { data } = await api.get<Page<T>>(pathAndQuery, { signal });
  return data;
};

/** A paged list's query: while another page or filter is read, the page shown stays (and is marked busy). */
export const usePageQuery = <T>(queryKey: QueryKey, load: (signal: AbortSignal) => Promise<Page<T>>) =>
  useQuery({ queryKey, queryFn: ({ signal }) => load(signal), placeholderData: keepPreviousData });
