import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aHook, HOOK_ID } from '@/testing/control-plane-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { HookCreate } from './hook-create';

const SECRET = 'whsec_c2VjcmV0LXNob3duLW9uY2U=';

const base = {
  'GET /api/sessions': () => jsonResponse(aPage([])),
  'GET /api/subagents': () => jsonResponse(aPage([])),
  [`GET /api/hooks/${HOOK_ID}`]: () => jsonResponse(aHook({ version: 0 })),
  'GET /api/hooks': () => jsonResponse(aPage([])),
};

describe('HookCreate', () => {
  it('creates a webhook, shows its secret once, then opens the hook', async () => {
    const api = mockApi({ ...base, 'POST /api/hooks': () => jsonResponse({ id: HOOK_ID, version: 0, secret: SECRET }, { status: 201 }) });
    const onDone = vi.fn();
    const { user, queryClient } = renderWithProviders(<HookCreate onDone={onDone} />);

    await user.type(screen.getByTestId('hook-name'), 'audit log');
    await user.selectOptions(screen.getByTestId('hook-event'), 'PostToolUse');
    await user.clear(screen.getByTestId('hook-matcher'));
    await user.type(screen.getByTestId('hook-matcher'), 'Bash|Write');
    await user.type(screen.getByTestId('hook-url'), 'https://example.com/hook');
    await user.type(screen.getByTestId('hook-timeout'), '15');
    await user.click(screen.getByTestId('hook-save'));

    expect(await screen.findByTestId('hook-secret')).toHaveTextContent(SECRET);
    expect(screen.getByTestId('hook-secret-dialog')).toHaveTextContent('shown only this once');
    expect(api.callsTo('POST', '/api/hooks')[0].body).toEqual({
      name: 'audit log',
      event: 'PostToolUse',
      matcher: 'Bash|Write',
      type: 'webhook',
      url: 'https://example.com/hook',
      timeoutSeconds: 15,
      active: true,
    });
    await user.click(screen.getByTestId('hook-secret-copy'));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(onDone).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('hook-secret-close'));

    expect(onDone).toHaveBeenCalledWith(HOOK_ID);
    expect(document.body).not.toHaveTextContent(SECRET);
    await waitFor(() => expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state.data))).not.toContain(SECRET));
    expect(JSON.stringify(localStorage)).not.toContain(SECRET);
    expect(JSON.stringify(sessionStorage)).not.toContain(SECRET);
  });

  it('creates a command hook without a secret and opens it at once', async () => {
    const api = mockApi({ ...base, 'POST /api/hooks': () => jsonResponse({ id: HOOK_ID, version: 0 }, { status: 201 }) });
    const onDone = vi.fn();
    const { user } = renderWithProviders(<HookCreate onDone={onDone} />);

    await user.type(screen.getByTestId('hook-name'), 'guard');
    await user.selectOptions(screen.getByTestId('hook-type'), 'command');
    await user.type(screen.getByTestId('hook-command'), './check.sh');
    await user.click(screen.getByTestId('hook-active'));
    await user.click(screen.getByTestId('hook-save'));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(HOOK_ID));
    expect(screen.queryByTestId('hook-secret-dialog')).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/api/hooks')[0].body).toEqual({
      name: 'guard',
      event: 'PreToolUse',
      matcher: 'Bash',
      type: 'command',
      command: './check.sh',
      active: false,
      onFailure: 'block',
    });
  });

  it('sends the failure choice of a PreToolUse hook, and shows a refused URL and a taken name on their fields', async () => {
    const refusals = [
      problemResponse({ status: 400, code: 'HOOK_TARGET_REFUSED', title: 'Webhook target refused', detail: 'Webhook URL refused: plain http is not allowed; use https' }),
      problemResponse({ status: 409, code: 'HOOK_NAME_TAKEN', title: 'Name taken', detail: 'You already have a hook named gate' }),
    ];
    const api = mockApi({ ...base, 'POST /api/hooks': () => refusals.shift()! });
    const { user } = renderWithProviders(<HookCreate onDone={vi.fn()} />);

    await user.type(screen.getByTestId('hook-name'), 'gate');
    await user.type(screen.getByTestId('hook-url'), 'http://localhost/hook');
    await user.selectOptions(screen.getByTestId('hook-on-failure'), 'allow');
    await user.click(screen.getByTestId('hook-save'));

    await waitFor(() => expect(screen.getByTestId('hook-url')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByTestId('hook-form-error')).toHaveTextContent('plain http is not allowed');
    expect(api.callsTo('POST', '/api/hooks')[0].body).toMatchObject({ event: 'PreToolUse', onFailure: 'allow' });

    await user.click(screen.getByTestId('hook-save'));
    await waitFor(() => expect(screen.getByTestId('hook-name')).toHaveAccessibleDescription('You already have a hook of this name.'));
  });

  it('checks the URL first and shows an invalid matcher on its field', async () => {
    const api = mockApi({
      ...base,
      'POST /api/hooks': () => problemResponse({ status: 400, code: 'HOOK_MATCHER_INVALID', title: 'Invalid matcher', detail: 'missing closing )' }),
    });
    const { user } = renderWithProviders(<HookCreate onDone={vi.fn()} />);

    await user.type(screen.getByTestId('hook-name'), 'x');
    await user.type(screen.getByTestId('hook-url'), 'example.com');
    await user.click(screen.getByTestId('hook-save'));
    expect(screen.getByTestId('hook-url')).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/hooks')).toHaveLength(0);

    await user.clear(screen.getByTestId('hook-url'));
    await user.type(screen.getByTestId('hook-url'), 'https://example.com');
    await user.clear(screen.getByTestId('hook-matcher'));
    await user.type(screen.getByTestId('hook-matcher'), '(Bash');
    await user.click(screen.getByTestId('hook-save'));

    await waitFor(() => expect(screen.getByTestId('hook-matcher')).toHaveAccessibleDescription('Not a valid RE2 regular expression.'));
    expect(screen.getByTestId('hook-form-error')).toHaveTextContent('missing closing )');
  });
});
