import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aDetail, aView, SESSION_ID } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { SessionStatus } from '../types';
import { SessionStatusActions } from './session-status-actions';

const ACTION_IDS = ['session-action-pause', 'session-action-resume', 'session-action-complete', 'session-action-fail'];

describe('SessionStatusActions', () => {
  it.each<[SessionStatus, string[]]>([
    ['planning', []],
    ['executing', ['session-action-pause', 'session-action-complete', 'session-action-fail']],
    ['paused', ['session-action-resume']],
    ['completed', []],
    ['failed', []],
  ])('offers only the allowed moves from %s', (status, expected) => {
    mockApi({});

    renderWithProviders(<SessionStatusActions session={aView({ status })} />);

    const shown = ACTION_IDS.filter((id) => screen.queryByTestId(id));
    expect(shown).toEqual(expected);
  });

  it('pauses with If-Match and reads the session back at the new version', async () => {
    const api = mockApi({
      [`POST /api/sessions/${SESSION_ID}/status`]: () => jsonResponse({ id: SESSION_ID, version: 6 }),
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail({ status: 'paused', version: 6 })),
    });
    const { user } = renderWithProviders(<SessionStatusActions session={aView({ status: 'executing', version: 5 })} />);

    await user.click(screen.getByTestId('session-action-pause'));

    await waitFor(() => expect(api.callsTo('GET', `/api/sessions/${SESSION_ID}`)).toHaveLength(1));
    const write = api.callsTo('POST', `/api/sessions/${SESSION_ID}/status`)[0];
    expect(write.body).toEqual({ status: 'paused' });
    expect(write.headers.get('If-Match')).toBe('"5"');
    expect(api.callsTo('GET', `/api/sessions/${SESSION_ID}`)[0].url).toContain('minVersion=6');
  });

  it('resumes a paused session to executing', async () => {
    const api = mockApi({
      [`POST /api/sessions/${SESSION_ID}/status`]: () => jsonResponse({ id: SESSION_ID, version: 8 }),
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail({ status: 'executing', version: 8 })),
    });
    const { user } = renderWithProviders(<SessionStatusActions session={aView({ status: 'paused', version: 7 })} />);

    await user.click(screen.getByTestId('session-action-resume'));

    await waitFor(() => expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/status`)).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ status: 'executing' });
  });

  it('asks for a reason before failing, and sends it', async () => {
    const prompt = vi.spyOn(window, 'prompt').mockReturnValue('tests keep timing out');
    const api = mockApi({
      [`POST /api/sessions/${SESSION_ID}/status`]: () => jsonResponse({ id: SESSION_ID, version: 3 }),
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail({ status: 'failed', version: 3 })),
    });
    const { user } = renderWithProviders(<SessionStatusActions session={aView({ status: 'executing', version: 2 })} />);

    await user.click(screen.getByTestId('session-action-fail'));

    await waitFor(() => expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/status`)).toHaveLength(1));
    expect(prompt).toHaveBeenCalledOnce();
    expect(api.calls[0].body).toEqual({ status: 'failed', reason: 'tests keep timing out' });
  });

  it('does nothing when the reason prompt is cancelled', async () => {
    vi.spyOn(window, 'prompt').mockReturnValue(null);
    const api = mockApi({});
    const { user } = renderWithProviders(<SessionStatusActions session={aView({ status: 'executing' })} />);

    await user.click(screen.getByTestId('session-action-fail'));

    expect(api.calls).toHaveLength(0);
  });

  it('explains an invalid transition from the server', async () => {
    mockApi({
      [`POST /api/sessions/${SESSION_ID}/status`]: () =>
        problemResponse({
          status: 409,
          title: 'Invalid status transition',
          detail: 'A completed session cannot be paused.',
          code: 'SESSION_INVALID_TRANSITION',
        }),
    });
    const { user } = renderWithProviders(<SessionStatusActions session={aView({ status: 'executing' })} />);

    await user.click(screen.getByTestId('session-action-pause'));

    expect(await screen.findByRole('alert')).toHaveTextContent('A completed session cannot be paused.');
  });
});
