import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anOwnPolicy, aPolicy, aSubagent, captureDownloads, SUBAGENT_ID } from '@/testing/control-plane-fixtures';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { Subagent } from '../types';
import { SubagentForm } from './subagent-form';
import { SubagentImportPanel } from './subagent-import-panel';
import { SUBAGENT_SEARCH_DEBOUNCE_MS, SubagentsBrowser } from './subagents-browser';
import { SubagentView } from './subagent-view';

const policies = {
  'GET /api/permission-policies': () =>
    jsonResponse(aPage([aPolicy(), aPolicy({ slug: 'hardened', name: 'Hardened', builtIn: true }), aPolicy({ slug: 'safe-core', name: 'Safe core' })])),
};

describe('SubagentsBrowser', () => {
  it('lists subagents with tools, model and policies, searches and pages', async () => {
    const api = mockApi({
      'GET /api/subagents': ({ search }) =>
        jsonResponse(
          aPage([aSubagent({ policies: [{ policy: 'read-only', priority: 10 }] }), aSubagent({ id: 's2', name: 'writer', tools: null, model: null, mine: false, shared: true })], {
            page: Number(search.get('page') ?? 0),
            totalItems: 25,
            totalPages: 2,
          }),
        ),
    });
    const { user } = renderWithProviders(<SubagentsBrowser />, { route: '/subagents' });

    const row = await screen.findByTestId('subagent-row-code-reviewer');
    expect(within(row).getByTestId('subagent-link')).toHaveAttribute('href', `/subagents/${SUBAGENT_ID}`);
    expect(row).toHaveTextContent('Read, Grep');
    expect(row).toHaveTextContent('read-only');
    expect(screen.getByTestId('subagent-row-writer')).toHaveTextContent('inherit');

    await user.type(screen.getByTestId('subagents-filter-q'), 'rev');
    await act(() => new Promise((resolve) => setTimeout(resolve, SUBAGENT_SEARCH_DEBOUNCE_MS + 50)));
    await waitFor(() => expect(api.calls.at(-1)?.search.toString()).toBe('q=rev&size=20'));
    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(api.calls.at(-1)?.search.toString()).toBe('q=rev&page=1&size=20'));
  });
});

describe('SubagentForm', () => {
  it('creates a subagent with its tools as a list', async () => {
    const api = mockApi({
      'POST /api/subagents': () => jsonResponse({ id: SUBAGENT_ID, version: 0 }, { status: 201 }),
      [`GET /api/subagents/${SUBAGENT_ID}`]: () => jsonResponse(aSubagent({ version: 0 })),
    });
    const onSaved = vi.fn();
    const { user } = renderWithProviders(<SubagentForm mode="create" onSaved={onSaved} />);

    await user.type(screen.getByTestId('subagent-name'), 'code-reviewer');
    await user.type(screen.getByTestId('subagent-description'), 'Reviews code');
    await user.type(screen.getByTestId('subagent-prompt'), 'You review code.');
    await user.type(screen.getByTestId('subagent-tools'), 'Read, Grep, Bash(git diff:*)');
    await user.type(screen.getByTestId('subagent-model'), 'sonnet');
    await user.click(screen.getByTestId('subagent-save'));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(SUBAGENT_ID));
    expect(api.callsTo('POST', '/api/subagents')[0].body).toEqual({
      name: 'code-reviewer',
      description: 'Reviews code',
      prompt: 'You review code.',
      tools: ['Read', 'Grep', 'Bash(git diff:*)'],
      model: 'sonnet',
      shared: false,
    });
  });

  it('shows a taken name on its field', async () => {
    mockApi({ 'POST /api/subagents': () => problemResponse({ status: 409, code: 'SUBAGENT_NAME_TAKEN', title: 'Conflict' }) });
    const { user } = renderWithProviders(<SubagentForm mode="create" onSaved={vi.fn()} />);

    await user.type(screen.getByTestId('subagent-name'), 'code-reviewer');
    await user.type(screen.getByTestId('subagent-description'), 'd');
    await user.type(screen.getByTestId('subagent-prompt'), 'p');
    await user.click(screen.getByTestId('subagent-save'));

    await waitFor(() => expect(screen.getByTestId('subagent-name')).toHaveAccessibleDescription('You already have a subagent with this name.'));
  });
});

describe('SubagentView', () => {
  it('assigns policies with priorities (PUT), then shows them saved', async () => {
    let subagent: Subagent = aSubagent({ policies: [{ policy: 'read-only', priority: 10 }] });
    const api = mockApi({
      ...policies,
      [`GET /api/subagents/${SUBAGENT_ID}`]: () => jsonResponse(subagent),
      [`PUT /api/subagents/${SUBAGENT_ID}/policies`]: ({ body }) => {
        subagent = { ...subagent, version: 2, policies: (body as { assignments: Subagent['policies'] }).assignments };
        return jsonResponse({ id: SUBAGENT_ID, version: 2 });
      },
    });
    const { user } = renderWithProviders(<SubagentView id={SUBAGENT_ID} onDeleted={vi.fn()} />);
    const assignments = await screen.findByTestId('subagent-policies');
    expect(within(assignments).getByTestId('subagent-policy-read-only')).toHaveTextContent('read-only');
    expect(screen.getByTestId('subagent-policy-priority-read-only')).toHaveValue(10);
    expect(screen.getByTestId('subagent-policies-save')).toBeDisabled();

    await waitFor(() => expect(screen.getByRole('option', { name: 'Hardened (hardened)' })).toBeInTheDocument());
    await user.selectOptions(screen.getByTestId('subagent-policy-add-select'), 'hardened');
    await user.click(screen.getByTestId('subagent-policy-add'));
    await user.clear(screen.getByTestId('subagent-policy-priority-hardened'));
    await user.type(screen.getByTestId('subagent-policy-priority-hardened'), '5');
    await user.click(screen.getByTestId('subagent-policies-save'));

    expect(await screen.findByTestId('subagent-policies-saved')).toHaveTextContent('Saved.');
    expect(api.callsTo('PUT', `/api/subagents/${SUBAGENT_ID}/policies`)[0].body).toEqual({
      assignments: [
        { policy: 'hardened', priority: 5 },
        { policy: 'read-only', priority: 10 },
      ],
    });
  });

  it('offers your own policies beside the built-in ones and assigns them the same way', async () => {
    let subagent: Subagent = aSubagent({ policies: [{ policy: 'read-only', priority: 10 }] });
    const api = mockApi({
      'GET /api/permission-policies': () => jsonResponse(aPage([aPolicy(), aPolicy({ slug: 'hardened', name: 'Hardened' }), anOwnPolicy()])),
      [`GET /api/subagents/${SUBAGENT_ID}`]: () => jsonResponse(subagent),
      [`PUT /api/subagents/${SUBAGENT_ID}/policies`]: ({ body }) => {
        subagent = { ...subagent, version: 2, policies: (body as { assignments: Subagent['policies'] }).assignments };
        return jsonResponse({ id: SUBAGENT_ID, version: 2 });
      },
    });
    const { user } = renderWithProviders(<SubagentView id={SUBAGENT_ID} onDeleted={vi.fn()} />);

    const own = await screen.findByRole('option', { name: 'No network (no-network)' });
    expect(own.closest('optgroup')).toHaveAttribute('label', 'Your policies');
    expect(screen.getByRole('option', { name: 'Hardened (hardened)' }).closest('optgroup')).toHaveAttribute('label', 'Built-in');
    await user.selectOptions(screen.getByTestId('subagent-policy-add-select'), 'no-network');
    await user.click(screen.getByTestId('subagent-policy-add'));
    expect(screen.getByTestId('subagent-policy-no-network')).toHaveTextContent('No network no-network yours');
    await user.click(screen.getByTestId('subagent-policies-save'));

    expect(await screen.findByTestId('subagent-policies-saved')).toHaveTextContent('Saved.');
    expect(api.callsTo('PUT', `/api/subagents/${SUBAGENT_ID}/policies`)[0].body).toEqual({
      assignments: [
        { policy: 'read-only', priority: 10 },
        { policy: 'no-network', priority: 20 },
      ],
    });
  });

  it('exports the agent file and deletes after confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const downloads = captureDownloads();
    const onDeleted = vi.fn();
    mockApi({
      ...policies,
      [`GET /api/subagents/${SUBAGENT_ID}`]: () => jsonResponse(aSubagent()),
      [`GET /api/subagents/${SUBAGENT_ID}/export`]: () => new Response('---\nname: code-reviewer\n---\nYou review code.', { headers: { 'Content-Type': 'text/markdown' } }),
      [`DELETE /api/subagents/${SUBAGENT_ID}`]: () => new Response(null, { status: 204 }),
      'GET /api/subagents': () => jsonResponse(aPage([])),
    });
    const { user } = renderWithProviders(<SubagentView id={SUBAGENT_ID} onDeleted={onDeleted} />);

    await user.click(await screen.findByTestId('subagent-export'));
    await waitFor(() => expect(downloads.names).toEqual(['code-reviewer.md']));
    expect(await downloads.text()).toContain('name: code-reviewer');

    await user.click(screen.getByTestId('subagent-delete'));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
  });

  it('shows a shared subagent of someone else read-only', async () => {
    mockApi({ ...policies, [`GET /api/subagents/${SUBAGENT_ID}`]: () => jsonResponse(aSubagent({ mine: false, shared: true })) });

    renderWithProviders(<SubagentView id={SUBAGENT_ID} onDeleted={vi.fn()} />);

    expect(await screen.findByText('You review code.')).toBeInTheDocument();
    expect(screen.queryByTestId('subagent-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('subagent-delete')).not.toBeInTheDocument();
    expect(screen.queryByTestId('subagent-policies-save')).not.toBeInTheDocument();
  });
});

describe('SubagentImportPanel', () => {
  it('imports .md agent files and lists the result', async () => {
    const api = mockApi({
      'POST /api/subagents/import': () => jsonResponse({ imported: [{ path: 'reviewer.md', id: 's9', name: 'reviewer' }], failed: [] }),
      'GET /api/subagents': () => jsonResponse(aPage([])),
    });
    const { user } = renderWithProviders(<SubagentImportPanel />);

    await user.upload(screen.getByTestId('subagent-import-files'), [new File(['---\nname: reviewer\n---\nReview.'], 'reviewer.md')]);
    await screen.findByText(/1 file ready/);
    await user.click(screen.getByTestId('subagent-import-submit'));

    expect(within(await screen.findByTestId('subagent-import-imported')).getByRole('link', { name: 'reviewer' })).toHaveAttribute('href', '/subagents/s9');
    expect(api.callsTo('POST', '/api/subagents/import')[0].body).toEqual({ files: [{ path: 'reviewer.md', content: '---\nname: reviewer\n---\nReview.' }] });
  });
});
