import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearXsrfCookie, setXsrfCookie } from '@/testing/auth-fixtures';
import { jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import {
  api,
  ApiError,
  errorMessage,
  isUnauthenticated,
  isVersionMismatch,
  onUnauthenticated,
  parseEtagVersion,
  parseProblem,
} from './api-client';

describe('parseProblem', () => {
  it('reads an RFC 9457 problem with its code and field errors', async () => {
    const response = problemResponse({
      type: 'https://orchwiz.dev/problems/validation-failed',
      title: 'Invalid request',
      status: 400,
      detail: 'The request has invalid fields.',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'title', message: 'must be at most 200 characters' }],
    });

    const problem = await parseProblem(response);

    expect(problem).toEqual({
      type: 'https://orchwiz.dev/problems/validation-failed',
      title: 'Invalid request',
      status: 400,
      detail: 'The request has invalid fields.',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'title', message: 'must be at most 200 characters' }],
    });
  });

  it('falls back to the status line when the body is not JSON', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    const problem = await parseProblem(response);

    expect(problem).toEqual({ status: 502, title: 'Bad Gateway' });
  });

  it('falls back to the status when the body is empty', async () => {
    const problem = await parseProblem(new Response(null, { status: 404 }));

    expect(problem.status).toBe(404);
    expect(problem.title).toBe('HTTP 404');
  });
});

describe('apiRequest', () => {
  it('throws an ApiError carrying the problem, its code and field errors', async () => {
    mockApi({
      'POST /api/sessions': () =>
        problemResponse({
          status: 400,
          title: 'Invalid request',
          detail: 'Fix the fields.',
          code: 'VALIDATION_FAILED',
          errors: [
            { field: 'title', message: 'too long' },
            { field: 'title', message: 'second message' },
            { field: 'branch', message: 'too long' },
          ],
        }),
    });

    const error = await api.post('/api/sessions', { title: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION_FAILED');
    expect(apiError.fieldErrors).toEqual({ title: 'too long', branch: 'too long' });
    expect(errorMessage(apiError)).toBe('Fix the fields.');
  });

  it('sends If-Match with the quoted version and reads ETag and Location', async () => {
    const { calls } = mockApi({
      'POST /api/sessions/s1/mode': () =>
        jsonResponse({ id: 's1', version: 4 }, { headers: { ETag: '"4"', Location: '/api/sessions/s1' } }),
    });

    const response = await api.post<{ id: string; version: number }>(
      '/api/sessions/s1/mode',
      { mode: 'plan' },
      { expectedVersion: 3 },
    );

    expect(calls[0].headers.get('If-Match')).toBe('"3"');
    expect(calls[0].headers.get('Content-Type')).toBe('application/json');
    expect(response).toEqual({ data: { id: 's1', version: 4 }, status: 200, etag: '"4"', location: '/api/sessions/s1' });
  });

  it('sends a PATCH as a JSON merge patch', async () => {
    const { calls } = mockApi({ 'PATCH /api/sessions/s1': () => jsonResponse({ id: 's1', version: 2 }) });

    await api.patch('/api/sessions/s1', { title: null });

    expect(calls[0].headers.get('Content-Type')).toBe('application/merge-patch+json');
    expect(calls[0].body).toEqual({ title: null });
  });

  it('answers undefined data for 204 No Content', async () => {
    mockApi({ 'DELETE /api/sessions/s1': () => new Response(null, { status: 204 }) });

    const response = await api.delete('/api/sessions/s1');

    expect(response.status).toBe(204);
    expect(response.data).toBeUndefined();
  });

  it('recognises a stale version by status 412 or by its code', () => {
    expect(isVersionMismatch(new ApiError({ status: 412 }))).toBe(true);
    expect(isVersionMismatch(new ApiError({ status: 409, code: 'SESSION_VERSION_MISMATCH' }))).toBe(true);
    expect(isVersionMismatch(new ApiError({ status: 409, code: 'SESSION_INVALID_TRANSITION' }))).toBe(false);
  });
});

describe('parseEtagVersion', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    ['"abc"', undefined],
    [null, undefined],
  ])('reads %s as %s', (etag, version) => {
    expect(parseEtagVersion(etag)).toBe(version);
  });
});

describe('CSRF and sessions', () => {
  afterEach(() => clearXsrfCookie());

  it.each([
    ['/api/sessions', undefined],
    ['/login/ott', new URLSearchParams({ token: 't' })],
    ['/login/webauthn', { id: 'c' }],
    ['/webauthn/authenticate/options', undefined],
    ['/webauthn/register', { publicKey: {} }],
    ['/logout', undefined],
  ])('echoes the XSRF-TOKEN cookie on a write to %s', async (path, body) => {
    setXsrfCookie('abc 123');
    const { calls } = mockApi({ [`POST ${path}`]: () => jsonResponse({}) });

    await api.post(path, body);

    expect(calls[0].headers.get('X-XSRF-TOKEN')).toBe('abc 123');
  });

  it('sends no XSRF header on reads', async () => {
    setXsrfCookie();
    const { calls } = mockApi({ 'GET /api/auth/state': () => jsonResponse({}) });

    await api.get('/api/auth/state');

    expect(calls[0].headers.has('X-XSRF-TOKEN')).toBe(false);
  });

  it('sends URLSearchParams as a form', async () => {
    const { calls } = mockApi({ 'POST /login/ott': () => jsonResponse({ authenticated: true }) });

    await api.post('/login/ott', new URLSearchParams({ token: 'a+b/c=' }));

    expect(calls[0].headers.get('Content-Type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(calls[0].body).toEqual({ token: 'a+b/c=' });
  });

  it('fetches a fresh CSRF cookie and retries a write refused for its token, once', async () => {
    setXsrfCookie('stale');
    let attempts = 0;
    const { calls, callsTo } = mockApi({
      'GET /api/auth/state': () => {
        setXsrfCookie('fresh');
        return jsonResponse({ authenticated: true });
      },
      'POST /api/me/tokens': () =>
        ++attempts === 1 ? problemResponse({ status: 403, code: 'CSRF_REJECTED', title: 'Forbidden' }) : jsonResponse({ id: 't1' }),
    });

    const { data } = await api.post<{ id: string }>('/api/me/tokens', { name: 'ci' });

    expect(data).toEqual({ id: 't1' });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/me/tokens', 'GET /api/auth/state', 'POST /api/me/tokens']);
    expect(callsTo('POST', '/api/me/tokens').map((c) => c.headers.get('X-XSRF-TOKEN'))).toEqual(['stale', 'fresh']);
  });

  it('tells listeners about a 401 UNAUTHENTICATED, not about a refused sign-in link', async () => {
    const listener = vi.fn();
    const unsubscribe = onUnauthenticated(listener);
    mockApi({
      'GET /api/sessions': () => problemResponse({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' }),
      'POST /login/ott': () => problemResponse({ status: 401, code: 'INVALID_LINK', title: 'Unauthorized' }),
    });

    const expired = await api.get('/api/sessions').catch((e: unknown) => e);
    const refused = await api.post('/login/ott', new URLSearchParams({ token: 'x' })).catch((e: unknown) => e);
    unsubscribe();
    await api.get('/api/sessions').catch(() => undefined);

    expect(isUnauthenticated(expired)).toBe(true);
    expect(isUnauthenticated(refused)).toBe(false);
    expect(listener).toHaveBeenCalledOnce();
    expect(listener).toHaveBeenCalledWith(expired, '/api/sessions');
  });

  it('reads a non-JSON success (a page a redirect led to) as no data', async () => {
    mockApi({ 'POST /logout': () => new Response('<!doctype html><p>login</p>', { status: 200, headers: { 'Content-Type': 'text/html' } }) });

    const response = await api.post('/logout');

    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
  });
});
