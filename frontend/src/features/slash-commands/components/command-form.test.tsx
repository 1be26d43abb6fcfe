import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aCommand, COMMAND_ID } from '@/testing/control-plane-fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { CommandForm } from './command-form';

describe('CommandForm', () => {
  it('creates a command from the filled fields, with allowed tools as a list', async () => {
    const api = mockApi({
      'POST /api/slash-commands': () => jsonResponse({ id: COMMAND_ID, version: 0 }, { status: 201 }),
      [`GET /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse(aCommand({ version: 0 })),
    });
    const onSaved = vi.fn();
    const { user } = renderWithProviders(<CommandForm mode="create" onSaved={onSaved} />);

    await user.type(screen.getByTestId('command-name'), 'git:push');
    await user.type(screen.getByTestId('command-description'), 'Push the branch');
    await user.type(screen.getByTestId('command-script'), 'git push origin "$1"');
    await user.type(screen.getByTestId('command-argument-hint'), '[[branch]');
    await user.type(screen.getByTestId('command-allowed-tools'), 'Bash(git push:*), Bash(git status:*)');
    await user.click(screen.getByTestId('command-shared'));
    await user.click(screen.getByTestId('command-save'));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(COMMAND_ID));
    expect(api.callsTo('POST', '/api/slash-commands')[0].body).toEqual({
      kind: 'script',
      name: 'git:push',
      description: 'Push the branch',
      script: 'git push origin "$1"',
      argumentHint: '[branch]',
      allowedTools: ['Bash(git push:*)', 'Bash(git status:*)'],
      shared: true,
    });
    expect(screen.getByTestId('command-script')).toHaveClass('input--code');
  });

  it('creates a prompt command from the kind picker, with the template hint', async () => {
    const api = mockApi({
      'POST /api/slash-commands': () => jsonResponse({ id: COMMAND_ID, version: 0 }, { status: 201 }),
      [`GET /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse(aCommand({ version: 0, kind: 'prompt' })),
    });
    const onSaved = vi.fn();
    const { user } = renderWithProviders(<CommandForm mode="create" onSaved={onSaved} />);
    expect(screen.getByText('Script')).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('command-kind'), 'prompt');
    expect(screen.getByText('Prompt template')).toBeInTheDocument();
    expect(screen.getByTestId('command-script')).toHaveAccessibleDescription(/!`command` runs first/);
    await user.type(screen.getByTestId('command-name'), 'review');
    await user.type(screen.getByTestId('command-script'), 'Review $ARGUMENTS');
    await user.type(screen.getByTestId('command-model'), 'sonnet');
    await user.click(screen.getByTestId('command-save'));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(COMMAND_ID));
    expect(api.callsTo('POST', '/api/slash-commands')[0].body).toEqual({
      kind: 'prompt',
      name: 'review',
      script: 'Review $ARGUMENTS',
      model: 'sonnet',
      shared: false,
    });
  });

  it('sends only a changed kind when a script becomes a prompt', async () => {
    const api = mockApi({
      [`PATCH /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse({ id: COMMAND_ID, version: 4 }),
      [`GET /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse(aCommand({ version: 4, kind: 'prompt' })),
    });
    const { user } = renderWithProviders(<CommandForm mode="edit" command={aCommand({ version: 3 })} />);
    expect(screen.getByTestId('command-kind')).toHaveValue('script');

    await user.selectOptions(screen.getByTestId('command-kind'), 'prompt');
    await user.click(screen.getByTestId('command-save'));

    await waitFor(() => expect(api.callsTo('PATCH', `/api/slash-commands/${COMMAND_ID}`)).toHaveLength(1));
    expect(api.callsTo('PATCH', `/api/slash-commands/${COMMAND_ID}`)[0].body).toEqual({ kind: 'prompt' });
  });

  it('checks the name and the script before sending', async () => {
    const api = mockApi({});
    const { user } = renderWithProviders(<CommandForm mode="create" onSaved={vi.fn()} />);

    await user.type(screen.getByTestId('command-name'), 'Deploy Now');
    await user.click(screen.getByTestId('command-save'));

    expect(screen.getByTestId('command-name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('command-script')).toHaveAccessibleDescription(/cannot be empty/);
    expect(api.calls).toHaveLength(0);
  });

  it('shows a taken name on the name field and server field errors next to their inputs', async () => {
    let attempt = 0;
    mockApi({
      'POST /api/slash-commands': () =>
        ++attempt === 1
          ? problemResponse({ status: 409, code: 'SLASH_COMMAND_NAME_TAKEN', title: 'Conflict', detail: 'You already have /deploy.' })
          : problemResponse({
              status: 400,
              code: 'VALIDATION_FAILED',
              title: 'Invalid request',
              errors: [
                { field: 'workingDirectory', message: 'must be an absolute path' },
                { field: 'frontmatter', message: 'unknown key' },
              ],
            }),
    });
    const { user } = renderWithProviders(<CommandForm mode="create" onSaved={vi.fn()} />);
    await user.type(screen.getByTestId('command-name'), 'deploy');
    await user.type(screen.getByTestId('command-script'), 'echo hi');

    await user.click(screen.getByTestId('command-save'));
    await waitFor(() => expect(screen.getByTestId('command-name')).toHaveAccessibleDescription('You already have a command with this name.'));
    expect(screen.getByTestId('command-form-error')).toHaveTextContent('You already have /deploy.');

    await user.type(screen.getByTestId('command-working-directory'), 'srv');
    await user.click(screen.getByTestId('command-save'));
    await waitFor(() => expect(screen.getByTestId('command-working-directory')).toHaveAccessibleDescription('must be an absolute path'));
    expect(screen.getByTestId('command-form-error')).toHaveTextContent('frontmatter: unknown key');
  });

  it('saves only what changed, with If-Match, clearing emptied fields', async () => {
    const api = mockApi({
      [`PATCH /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse({ id: COMMAND_ID, version: 3 }),
      [`GET /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse(aCommand({ version: 3, argumentHint: null, script: 'echo 2' })),
    });
    const { user } = renderWithProviders(<CommandForm mode="edit" command={aCommand()} />);

    await user.clear(screen.getByTestId('command-script'));
    await user.type(screen.getByTestId('command-script'), 'echo 2');
    await user.clear(screen.getByTestId('command-argument-hint'));
    await user.click(screen.getByTestId('command-save'));

    expect(await screen.findByTestId('command-saved')).toHaveTextContent('Saved.');
    const patch = api.callsTo('PATCH', `/api/slash-commands/${COMMAND_ID}`)[0];
    expect(patch.body).toEqual({ script: 'echo 2', argumentHint: null });
    expect(patch.headers.get('If-Match')).toBe('"2"');
  });

  it('explains a change made elsewhere and reloads the command', async () => {
    const api = mockApi({
      [`PATCH /api/slash-commands/${COMMAND_ID}`]: () =>
        problemResponse({ status: 412, code: 'SESSION_VERSION_MISMATCH', title: 'Precondition failed' }),
      [`GET /api/slash-commands/${COMMAND_ID}`]: () => jsonResponse(aCommand({ version: 5 })),
    });
    const { user } = renderWithProviders(<CommandForm mode="edit" command={aCommand()} />);

    await user.type(screen.getByTestId('command-description'), '!');
    await user.click(screen.getByTestId('command-save'));

    expect(await screen.findByTestId('command-conflict')).toHaveTextContent('changed elsewhere');
    expect(api.callsTo('PATCH', `/api/slash-commands/${COMMAND_ID}`)).toHaveLength(1);
  });
});
