import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDetail, aView, SESSION_ID } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { sessionKeys } from '../api/session-keys';
import { SessionModeToggle } from './session-mode-toggle';

describe('SessionModeToggle', () => {
  it('switches plan to auto_accept with If-Match and reads back the written version', async () => {
    const api = mockApi({
      [`POST /api/sessions/${SESSION_ID}/mode`]: () => jsonResponse({ id: SESSION_ID, version: 4 }, { headers: { ETag: '"4"' } }),
      [`GET /api/sessions/${SESSION_ID}`]: () =>
        jsonResponse(aDetail({ mode: 'auto_accept', version: 4 }), { headers: { ETag: '"4"' } }),
    });
    const { user, queryClient } = renderWithProviders(<SessionModeToggle session={aView({ mode: 'plan', version: 3 })} />);

    await user.click(screen.getByTestId('session-mode-toggle'));

    await waitFor(() =>
      expect(queryClient.getQueryData(sessionKeys.detail(SESSION_ID))).toMatchObject({ mode: 'auto_accept', etagVersion: 4 }),
    );
    const write = api.callsTo('POST', `/api/sessions/${SESSION_ID}/mode`)[0];
    expect(write.body).toEqual({ mode: 'auto_accept' });
    expect(write.headers.get('If-Match')).toBe('"3"');
    expect(api.callsTo('GET', `/api/sessions/${SESSION_ID}`)[0].url).toBe(`/api/sessions/${SESSION_ID}?minVersion=4`);
  });

  it('switches auto_accept back to plan', async () => {
    const api = mockApi({
      [`POST /api/sessions/${SESSION_ID}/mode`]: () => jsonResponse({ id: SESSION_ID, version: 2 }),
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail({ mode: 'plan', version: 2 })),
    });
    const { user } = renderWithProviders(<SessionModeToggle session={aView({ mode: 'auto_accept', version: 1 })} />);

    expect(screen.getByTestId('session-mode-toggle')).toHaveTextContent('Switch to plan');
    await user.click(screen.getByTestId('session-mode-toggle'));

    await waitFor(() => expect(api.calls).toHaveLength(2));
    expect(api.calls[0].body).toEqual({ mode: 'plan' });
    expect(api.calls[0].headers.get('If-Match')).toBe('"1"');
  });

  it('says the session changed elsewhere on 412 and reloads it', async () => {
    const api = mockApi({
      [`POST /api/sessions/${SESSION_ID}/mode`]: () =>
        problemResponse({ status: 412, title: 'Version mismatch', code: 'SESSION_VERSION_MISMATCH' }),
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail({ mode: 'auto_accept', version: 9 })),
    });
    const { user, queryClient } = renderWithProviders(<SessionModeToggle session={aView({ mode: 'plan', version: 3 })} />);
    queryClient.setQueryData(sessionKeys.detail(SESSION_ID), aView({ mode: 'plan', version: 3 }));

    await user.click(screen.getByTestId('session-mode-toggle'));

    expect(await screen.findByTestId('session-conflict')).toHaveTextContent(/changed elsewhere, reloaded/i);
    await waitFor(() => expect(queryClient.getQueryState(sessionKeys.detail(SESSION_ID))?.isInvalidated).toBe(true));
    expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/mode`)).toHaveLength(1);
  });

  it('is disabled once the session is closed', () => {
    mockApi({});

    renderWithProviders(<SessionModeToggle session={aView({ status: 'completed' })} />);

    expect(screen.getByTestId('session-mode-toggle')).toBeDisabled();
  });
});
