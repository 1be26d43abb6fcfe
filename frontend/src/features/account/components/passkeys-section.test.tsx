import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anAttestation, creationOptionsJson, domException, installFakeWebAuthn } from '@/testing/fake-webauthn';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { Passkey } from '../types';
import { PasskeysSection } from './passkeys-section';

const aPasskey = (overrides: Partial<Passkey> = {}): Passkey => ({
  id: 'pk-1',
  label: 'MacBook Touch ID',
  createdAt: '2026-11-01T10:00:00Z',
  lastUsedAt: null,
  ...overrides,
});

describe('PasskeysSection', () => {
  it('lists passkeys with label, creation and last use', async () => {
    mockApi({
      'GET /api/me/passkeys': () =>
        jsonResponse([aPasskey(), aPasskey({ id: 'pk-2', label: 'YubiKey', lastUsedAt: '2026-11-02T10:00:00Z' })]),
    });

    renderWithProviders(<PasskeysSection rpId="localhost" />);

    const items = await screen.findAllByTestId('passkey-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('MacBook Touch ID');
    expect(items[0]).toHaveTextContent('last used never');
    expect(screen.getByTestId('passkey-list')).toContainElement(items[1]);
  });

  it('explains that the last passkey leaves only email links, and removes it when asked again', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    let passkeys = [aPasskey()];
    const api = mockApi({
      'GET /api/me/passkeys': () => jsonResponse(passkeys),
      'DELETE /api/me/passkeys/pk-1': ({ search }) => {
        if (search.get('confirm') !== 'true') {
          return problemResponse({ status: 409, code: 'LAST_PASSKEY', title: 'Conflict', detail: 'Last passkey.' });
        }
        passkeys = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<PasskeysSection rpId="localhost" />);

    await user.click(await screen.findByTestId('passkey-remove'));

    const warning = await screen.findByTestId('passkey-last-warning');
    expect(warning).toHaveTextContent('you can sign in only by email link');
    await user.click(screen.getByTestId('passkey-remove-anyway'));

    await waitFor(() => expect(screen.queryByTestId('passkey-item')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/me/passkeys/pk-1').map((c) => c.url)).toEqual([
      '/api/me/passkeys/pk-1',
      '/api/me/passkeys/pk-1?confirm=true',
    ]);
    expect(screen.getByTestId('passkey-list-empty')).toBeInTheDocument();
  });

  it('keeps the last passkey when the user thinks again', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const api = mockApi({
      'GET /api/me/passkeys': () => jsonResponse([aPasskey()]),
      'DELETE /api/me/passkeys/pk-1': () => problemResponse({ status: 409, code: 'LAST_PASSKEY', title: 'Conflict' }),
    });
    const { user } = renderWithProviders(<PasskeysSection rpId="localhost" />);

    await user.click(await screen.findByTestId('passkey-remove'));
    await user.click(await screen.findByTestId('passkey-keep'));

    expect(screen.queryByTestId('passkey-last-warning')).not.toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/me/passkeys/pk-1')).toHaveLength(1);
    expect(screen.getByTestId('passkey-item')).toBeInTheDocument();
  });

  it('does nothing when removal is not confirmed', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    const api = mockApi({ 'GET /api/me/passkeys': () => jsonResponse([aPasskey()]) });
    const { user } = renderWithProviders(<PasskeysSection rpId="localhost" />);

    await user.click(await screen.findByTestId('passkey-remove'));

    expect(api.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
  });

  it('adds a passkey with the typed label and shows it', async () => {
    installFakeWebAuthn().create.mockResolvedValue(anAttestation());
    let passkeys: Passkey[] = [];
    const api = mockApi({
      'GET /api/me/passkeys': () => jsonResponse(passkeys),
      'POST /webauthn/register/options': () => jsonResponse(creationOptionsJson()),
      'POST /webauthn/register': () => {
        passkeys = [aPasskey({ id: 'pk-new', label: 'YubiKey 5' })];
        return jsonResponse({ success: true });
      },
    });
    const { user } = renderWithProviders(<PasskeysSection rpId="localhost" />);

    await user.click(await screen.findByTestId('settings-passkeys-add'));
    await user.clear(screen.getByTestId('passkey-label-input'));
    await user.type(screen.getByTestId('passkey-label-input'), 'YubiKey 5');
    await user.click(screen.getByTestId('passkey-register-submit'));

    expect(await screen.findByTestId('passkey-added')).toBeInTheDocument();
    expect(await screen.findByText('YubiKey 5')).toBeInTheDocument();
    expect(api.callsTo('POST', '/webauthn/register')[0].body).toMatchObject({ publicKey: { label: 'YubiKey 5' } });
  });

  it('explains an authenticator that already holds a passkey', async () => {
    installFakeWebAuthn().create.mockRejectedValue(domException('InvalidStateError'));
    mockApi({
      'GET /api/me/passkeys': () => jsonResponse([aPasskey()]),
      'POST /webauthn/register/options': () => jsonResponse(creationOptionsJson()),
    });
    const { user } = renderWithProviders(<PasskeysSection rpId="localhost" />);

    await user.click(await screen.findByTestId('settings-passkeys-add'));
    await user.click(screen.getByTestId('passkey-register-submit'));

    expect(await screen.findByTestId('passkey-register-error')).toHaveTextContent('already holds a passkey');
  });
});
