import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { ApiToken } from '../types';
import { ApiTokensSection } from './api-tokens-section';

const aToken = (overrides: Partial<ApiToken> = {}): ApiToken => ({
  id: 'tok-1',
  name: 'ci',
  prefix: 'owz_ab12',
  scopes: ['read', 'write'],
  createdAt: '2026-11-20T10:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
  ...overrides,
});

const SECRET = 'owz_ab12cd34ef56gh78ij90kl12mn34op56';

describe('ApiTokensSection', () => {
  it('lists tokens with name, prefix, scopes and dates', async () => {
    const api = mockApi({
      'GET /api/me/tokens': () =>
        jsonResponse(aPage([aToken(), aToken({ id: 'tok-2', name: 'deploy', scopes: ['read'], expiresAt: '2027-01-01T00:00:00Z' })])),
    });

    renderWithProviders(<ApiTokensSection canGrantAdmin={false} />);

    const items = await screen.findAllByTestId('token-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('ci');
    expect(items[0]).toHaveTextContent('owz_ab12…');
    expect(items[0]).toHaveTextContent('readwrite');
    expect(items[0]).toHaveTextContent('never');
    expect(within(screen.getByTestId('token-list')).getAllByTestId('token-revoke')).toHaveLength(2);
    expect(api.callsTo('GET', '/api/me/tokens')[0].url).toBe('/api/me/tokens?page=0&size=20');
  });

  it('creates a token, shows its secret once, and forgets it after closing', async () => {
    let tokens: ApiToken[] = [];
    const api = mockApi({
      'GET /api/me/tokens': () => jsonResponse(aPage(tokens)),
      'POST /api/me/tokens': () => {
        tokens = [aToken({ name: 'ci' })];
        return jsonResponse({ ...aToken({ name: 'ci' }), token: SECRET }, { status: 201 });
      },
    });
    const { user } = renderWithProviders(<ApiTokensSection canGrantAdmin={false} />);
    await screen.findByTestId('token-list');

    await user.type(screen.getByTestId('token-name'), 'ci');
    await user.click(screen.getByTestId('token-scope-write'));
    await user.type(screen.getByTestId('token-expiry'), '30');
    await user.click(screen.getByTestId('token-create'));

    const secret = await screen.findByTestId('token-secret');
    expect(secret.textContent).toBe(SECRET);
    expect(screen.getByRole('dialog')).toHaveTextContent('shown only this once');
    expect(api.callsTo('POST', '/api/me/tokens')[0].body).toEqual({ name: 'ci', scopes: ['read', 'write'], expiresInDays: 30 });

    await user.click(screen.getByTestId('token-copy'));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(screen.getByTestId('token-copy')).toHaveTextContent('Copied');

    await user.click(screen.getByTestId('token-dialog-close'));

    expect(screen.queryByTestId('token-secret')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
    await waitFor(() => expect(screen.getAllByTestId('token-item')).toHaveLength(1));
    expect(screen.getByTestId('token-name')).toHaveValue('');
  });

  it('sends no expiry when the days are left empty', async () => {
    const api = mockApi({
      'GET /api/me/tokens': () => jsonResponse(aPage([])),
      'POST /api/me/tokens': () => jsonResponse({ ...aToken(), token: SECRET }, { status: 201 }),
    });
    const { user } = renderWithProviders(<ApiTokensSection canGrantAdmin={false} />);

    await user.type(await screen.findByTestId('token-name'), 'ci');
    await user.click(screen.getByTestId('token-create'));

    await screen.findByTestId('token-secret');
    expect(api.callsTo('POST', '/api/me/tokens')[0].body).toEqual({ name: 'ci', scopes: ['read'] });
  });

  it('asks for a name and a scope before creating', async () => {
    const api = mockApi({ 'GET /api/me/tokens': () => jsonResponse(aPage([])) });
    const { user } = renderWithProviders(<ApiTokensSection canGrantAdmin={false} />);

    await user.click(await screen.findByTestId('token-scope-read'));
    await user.click(screen.getByTestId('token-create'));

    expect(screen.getByText(/Name the token/)).toBeInTheDocument();
    expect(screen.getByText('Pick at least one scope.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/me/tokens')).toHaveLength(0);
  });

  it('offers the admin scope to admins only', async () => {
    mockApi({ 'GET /api/me/tokens': () => jsonResponse(aPage([])) });

    const member = renderWithProviders(<ApiTokensSection canGrantAdmin={false} />);
    expect(await screen.findByTestId('token-scope-read')).toBeInTheDocument();
    expect(screen.queryByTestId('token-scope-admin')).not.toBeInTheDocument();
    member.unmount();

    renderWithProviders(<ApiTokensSection canGrantAdmin />);
    expect(await screen.findByTestId('token-scope-admin')).toBeInTheDocument();
  });

  it('revokes a token only after confirmation', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const api = mockApi({
      'GET /api/me/tokens': () => jsonResponse(aPage([aToken()])),
      'DELETE /api/me/tokens/tok-1': () => new Response(null, { status: 204 }),
    });
    const { user } = renderWithProviders(<ApiTokensSection canGrantAdmin={false} />);

    await user.click(await screen.findByTestId('token-revoke'));
    expect(api.callsTo('DELETE', '/api/me/tokens/tok-1')).toHaveLength(0);
    await user.click(screen.getByTestId('token-revoke'));

    await waitFor(() => expect(api.callsTo('DELETE', '/api/me/tokens/tok-1')).toHaveLength(1));
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('shows why a token was not created', async () => {
    mockApi({
      'GET /api/me/tokens': () => jsonResponse(aPage([])),
      'POST /api/me/tokens': () =>
        problemResponse({ status: 403, code: 'FORBIDDEN_SCOPE', title: 'Forbidden', detail: 'Only admins may grant admin.' }),
    });
    const { user } = renderWithProviders(<ApiTokensSection canGrantAdmin />);

    await user.type(await screen.findByTestId('token-name'), 'ops');
    await user.click(screen.getByTestId('token-scope-admin'));
    await user.click(screen.getByTestId('token-create'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only admins may grant admin.');
    expect(screen.queryByTestId('token-secret')).not.toBeInTheDocument();
  });
});
