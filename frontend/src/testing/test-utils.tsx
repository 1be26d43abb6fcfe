import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';

export const createTestQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });

/** Shows where the router went, so tests can assert navigation. */
const LocationProbe = () => {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
};

export type RenderOptions = { route?: string; path?: string; queryClient?: QueryClient };

export const renderWithProviders = (ui: ReactElement, { route = '/', path = '*', queryClient }: RenderOptions = {}) => {
  const client = queryClient ?? createTestQueryClient();
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={ui} />
          <Route path="*" element={null} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, user, queryClient: client };
};

export const jsonResponse = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });

export const problemResponse = (problem: Record<string, unknown> & { status: number }) =>
  new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

export type RecordedCall = { method: string; url: string; path: string; search: URLSearchParams; headers: Headers; body: unknown };

type Handler = (call: RecordedCall) => Response | Promise<Response>;

/**
 * Replaces `fetch` with a table of handlers keyed by `METHOD /path` (query string ignored for
 * matching, kept in the recorded call). Unmatched requests fail the test loudly with a 599. JSON
 * bodies are recorded parsed, form bodies as an object of their fields.
 */
export const mockApi = (routes: Record<string, Handler>) => {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body =
      typeof init.body !== 'string'
        ? undefined
        : (headers.get('Content-Type') ?? '').startsWith('application/x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(init.body))
          : JSON.parse(init.body);
    const call: RecordedCall = {
      method,
      url: `${url.pathname}${url.search}`,
      path: url.pathname,
      search: url.searchParams,
      headers,
      body,
    };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return problemResponse({ status: 599, title: `Unmocked ${method} ${call.url}` });
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
};
