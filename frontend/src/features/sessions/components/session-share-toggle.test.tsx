import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDetail, SESSION_ID } from '@/testing/fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { SessionShareToggle } from './session-share-toggle';

describe('SessionShareToggle', () => {
  it('shares a private session read-only and reads back the written version', async () => {
    const api = mockApi({
      [`POST /api/sessions/${SESSION_ID}/sharing`]: () => jsonResponse({ id: SESSION_ID, version: 4 }),
      [`GET /api/sessions/${SESSION_ID}`]: () => jsonResponse(aDetail({ shared: true, version: 4 })),
    });
    const { user } = renderWithProviders(<SessionShareToggle sessionId={SESSION_ID} shared={false} />);

    expect(screen.getByTestId('session-share-toggle')).toHaveTextContent('Share read-only');
    await user.click(screen.getByTestId('session-share-toggle'));

    await waitFor(() => expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/sharing`)).toHaveLength(1));
    expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/sharing`)[0].body).toEqual({ shared: true });
  });

  it('offers to stop sharing a shared session', () => {
    mockApi({});
    renderWithProviders(<SessionShareToggle sessionId={SESSION_ID} shared />);
    expect(screen.getByTestId('session-share-toggle')).toHaveTextContent('Stop sharing');
  });
});
