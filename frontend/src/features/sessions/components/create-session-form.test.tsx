import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aDetail } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { CreateSessionForm } from './create-session-form';

describe('CreateSessionForm', () => {
  it('posts the filled fields, leaves blanks out and hands over the new id', async () => {
    const api = mockApi({
      'POST /api/sessions': () =>
        jsonResponse({ id: 'new-1', version: 0 }, { status: 201, headers: { ETag: '"0"', Location: '/api/sessions/new-1' } }),
      'GET /api/sessions/new-1': () => jsonResponse(aDetail({ id: 'new-1' }), { headers: { ETag: '"0"' } }),
    });
    const onCreated = vi.fn();
    const { user } = renderWithProviders(<CreateSessionForm onCreated={onCreated} />);

    await user.type(screen.getByTestId('create-session-title'), 'Refactor auth');
    await user.type(screen.getByTestId('create-session-prompt'), 'Split the module{enter}and add tests');
    await user.selectOptions(screen.getByTestId('create-session-mode'), 'auto_accept');
    await user.type(screen.getByLabelText('Branch'), 'feat/auth');
    await user.click(screen.getByTestId('create-session-submit'));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('new-1'));
    expect(api.callsTo('POST', '/api/sessions')[0].body).toEqual({
      title: 'Refactor auth',
      prompt: 'Split the module\nand add tests',
      mode: 'auto_accept',
      source: 'web',
      branch: 'feat/auth',
    });
    // The new session is read back at the version the write answered, before the page opens.
    expect(api.callsTo('GET', '/api/sessions/new-1')[0].url).toBe('/api/sessions/new-1?minVersion=0');
    expect(screen.getByTestId('create-session-title')).toHaveValue('');
  });

  it('shows field errors next to their inputs and the general detail from a 400 problem', async () => {
    mockApi({
      'POST /api/sessions': () =>
        problemResponse({
          type: 'https://orchwiz.dev/problems/validation-failed',
          title: 'Invalid request',
          status: 400,
          detail: 'Some fields are invalid.',
          code: 'VALIDATION_FAILED',
          errors: [
            { field: 'title', message: 'must be at most 200 characters' },
            { field: 'metadata', message: 'must be a JSON object' },
          ],
        }),
    });
    const onCreated = vi.fn();
    const { user } = renderWithProviders(<CreateSessionForm onCreated={onCreated} />);

    await user.type(screen.getByTestId('create-session-title'), 'x'.repeat(10));
    await user.click(screen.getByTestId('create-session-submit'));

    const title = screen.getByTestId('create-session-title');
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription('must be at most 200 characters');
    const alert = screen.getByTestId('create-session-error');
    expect(alert).toHaveTextContent('Some fields are invalid.');
    expect(alert).toHaveTextContent('metadata: must be a JSON object');
    expect(onCreated).not.toHaveBeenCalled();

    await user.type(title, 'y');
    expect(title).not.toHaveAttribute('aria-invalid');
  });

  it('shows a non-validation problem as a general message', async () => {
    mockApi({
      'POST /api/sessions': () =>
        problemResponse({ status: 415, title: 'Unsupported media type', code: 'UNSUPPORTED_MEDIA_TYPE' }),
    });
    const { user } = renderWithProviders(<CreateSessionForm onCreated={vi.fn()} />);

    await user.click(screen.getByTestId('create-session-submit'));

    expect(await screen.findByTestId('create-session-error')).toHaveTextContent('Unsupported media type');
  });
});
