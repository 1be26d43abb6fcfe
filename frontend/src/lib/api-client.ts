/** One validation failure on one request field, as listed in a problem's `errors[]`. */
export type FieldError = { field: string; message: string };

/** An RFC 9457 problem document with OrchWiz's stable `code`. */
export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
};

/** Any non-2xx answer (or an unreachable server, status 0), carrying the parsed problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `Request failed with status ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** Field errors keyed by field name; the first message wins when a field fails twice. */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problem.errors ?? []) {
      if (!(field in byField)) byField[field] = message;
    }
    return byField;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const isNotFound = (error: unknown): boolean => isApiError(error) && error.status === 404;

export const isVersionMismatch = (error: unknown): boolean =>
  isApiError(error) && (error.status === 412 || error.code === 'SESSION_VERSION_MISMATCH');

/** A readable one-liner for any error thrown by a request. */
export const errorMessage = (error: unknown): string => {
  if (isApiError(error)) return error.problem.detail || error.problem.title || error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
};

const PROBLEM_FIELDS = ['type', 'title', 'detail', 'instance', 'code'] as const;

/**
 * Reads an error answer as a problem. Falls back to the HTTP status line when the body is not
 * problem+json (a proxy's HTML page, an empty body), so callers always get a usable message.
 */
export const parseProblem = async (response: Response): Promise<Problem> => {
  const fallback: Problem = {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
  };
  const text = await response.text().catch(() => '');
  if (!text) return fallback;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fallback;
  const raw = body as Record<string, unknown>;
  const problem: Problem = { status: typeof raw.status === 'number' ? raw.status : response.status };
  for (const key of PROBLEM_FIELDS) {
    const value = raw[key];
    if (typeof value === 'string') problem[key] = value;
  }
  if (!problem.title && !problem.detail) problem.title = fallback.title;
  if (Array.isArray(raw.errors)) {
    problem.errors = raw.errors
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? 'is invalid') }));
  }
  return problem;
};

/** `"3"` or `W/"3"` → 3. */
export const parseEtagVersion = (etag: string | null | undefined): number | undefined => {
  if (!etag) return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(etag.trim());
  return match ? Number(match[1]) : undefined;
};

export const ifMatch = (version: number): string => `"${version}"`;

export type ApiResponse<T> = {
  data: T;
  status: number;
  etag?: string;
  location?: string;
};

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON by default; a `URLSearchParams` travels as `application/x-www-form-urlencoded`. */
  body?: unknown;
  /** Sends `If-Match: "<version>"` to make the write conditional. */
  expectedVersion?: number;
  contentType?: string;
  /** `Accept` of the request; JSON (and problem+json) by default. */
  accept?: string;
  signal?: AbortSignal;
};

const readCookie = (name: string): string | undefined => {
  if (typeof document === 'undefined') return undefined;
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : undefined;
};

/** The endpoint that (re)sets the `XSRF-TOKEN` cookie; public, so it also works signed out. */
export const CSRF_BOOTSTRAP_PATH = '/api/auth/state';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

/**
 * A 401 that means "you are not (or no longer) signed in", as opposed to a refused credential
 * (a used sign-in link, a rejected passkey), which the screen that sent it explains itself.
 */
export const isUnauthenticated = (error: unknown): boolean =>
  isApiError(error) &&
  error.status === 401 &&
  (error.code === undefined || error.code === 'UNAUTHENTICATED' || error.code === 'INVALID_TOKEN');

export const isCsrfRejected = (error: unknown): boolean => isApiError(error) && error.code === 'CSRF_REJECTED';

type UnauthenticatedListener = (error: ApiError, path: string) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Calls `listener` whenever a request answers 401 UNAUTHENTICATED (a session that ended); returns the unsubscribe. */
export const onUnauthenticated = (listener: UnauthenticatedListener): (() => void) => {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
};

const send = async (path: string, options: RequestOptions): Promise<Response> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json, application/problem+json' };
  const form = options.body instanceof URLSearchParams;
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? (form ? FORM_CONTENT_TYPE : 'application/json');
  if (options.expectedVersion !== undefined) headers['If-Match'] = ifMatch(options.expectedVersion);
  // Spring Security's cookie CSRF repository: every cookie-authenticated write echoes the cookie,
  // whether it goes to /api/** or to the sign-in endpoints (/login/ott, /login/webauthn, /webauthn/**, /logout).
  const xsrf = method === 'GET' ? undefined : readCookie('XSRF-TOKEN');
  if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : form ? String(options.body) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, title: 'Network error', detail: 'The OrchWiz server cannot be reached.' });
  }
};

/** Asks the node for a fresh `XSRF-TOKEN` cookie (it rotates at sign-in and sign-out). */
const refreshCsrfCookie = async (signal?: AbortSignal): Promise<void> => {
  try {
    await fetch(CSRF_BOOTSTRAP_PATH, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  } catch {
    // The retry below reports whatever is wrong.
  }
};

/** JSON when the answer is JSON; anything else (e.g. the page a followed redirect led to) reads as no data. */
const readBody = async (response: Response): Promise<unknown> => {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (/json/i.test(response.headers.get('Content-Type') ?? '')) throw cause;
    return undefined;
  }
};

/**
 * Calls the OrchWiz node on the same origin; throws {@link ApiError} for every non-2xx answer. A write
 * refused for a stale CSRF token is retried once after fetching a fresh cookie: the refusal happens
 * before the node does anything, so the retry cannot apply a write twice.
 */
export const apiRequest = async <T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> => {
  const method = options.method ?? 'GET';
  let response = await send(path, options);
  let error = response.ok ? undefined : new ApiError(await parseProblem(response));
  if (error && method !== 'GET' && isCsrfRejected(error)) {
    await refreshCsrfCookie(options.signal);
    response = await send(path, options);
    error = response.ok ? undefined : new ApiError(await parseProblem(response));
  }
  if (error) {
    if (isUnauthenticated(error)) for (const listener of [...unauthenticatedListeners]) listener(error, path);
    throw error;
  }
  return {
    data: (await readBody(response)) as T,
    status: response.status,
    etag: response.headers.get('ETag') ?? undefined,
    location: response.headers.get('Location') ?? undefined,
  };
};

/** A GET whose answer is text (a markdown export, say), read as is; errors are problems as usual. */
export const apiRequestText = async (path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<string>> => {
  const response = await send(path, { ...options, method: 'GET', accept: options.accept ?? 'text/markdown, text/plain, application/problem+json;q=0.9, */*;q=0.5' });
  if (!response.ok) {
    const error = new ApiError(await parseProblem(response));
    if (isUnauthenticated(error)) for (const listener of [...unauthenticatedListeners]) listener(error, path);
    throw error;
  }
  return {
    data: await response.text(),
    status: response.status,
    etag: response.headers.get('ETag') ?? undefined,
    location: response.headers.get('Location') ?? undefined,
  };
};

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { contentType: 'application/merge-patch+json', ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
  text: (path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequestText(path, options),
};

/** The first problem code of an error, if it is an {@link ApiError}. */
export const problemCode = (error: unknown): string | undefined => (isApiError(error) ? error.code : undefined);
