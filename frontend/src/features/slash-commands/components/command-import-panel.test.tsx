import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { CommandImportPanel } from './command-import-panel';

describe('CommandImportPanel', () => {
  it('imports picked .md files and a pasted one, and shows what came in and what failed', async () => {
    const api = mockApi({
      'POST /api/slash-commands/import': () =>
        jsonResponse({
          imported: [{ path: 'deploy.md', id: 'c1', name: 'deploy' }],
          failed: [{ path: '.claude/commands/bad.md', code: 'SLASH_COMMAND_INVALID', detail: 'The script is empty.' }],
        }),
      'GET /api/slash-commands': () => jsonResponse({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 }),
    });
    const { user } = renderWithProviders(<CommandImportPanel />);

    await user.upload(screen.getByTestId('command-import-files'), [new File(['---\ndescription: Deploy\n---\n./deploy.sh'], 'deploy.md', { type: 'text/markdown' })]);
    expect(await screen.findByText(/1 file ready: deploy\.md/)).toBeInTheDocument();
    await user.type(screen.getByTestId('command-import-path'), '.claude/commands/bad.md');
    await user.type(screen.getByTestId('command-import-content'), '---');
    await user.click(screen.getByTestId('command-import-submit'));

    const imported = await screen.findByTestId('command-import-imported');
    expect(within(imported).getByRole('link', { name: 'deploy' })).toHaveAttribute('href', '/slash-commands/c1');
    expect(screen.getByTestId('command-import-failed')).toHaveTextContent('SLASH_COMMAND_INVALID The script is empty.');
    expect(api.callsTo('POST', '/api/slash-commands/import')[0].body).toEqual({
      files: [
        { path: 'deploy.md', content: '---\ndescription: Deploy\n---\n./deploy.sh' },
        { path: '.claude/commands/bad.md', content: '---' },
      ],
    });
  });

  it('asks for files before importing', async () => {
    const api = mockApi({});
    const { user } = renderWithProviders(<CommandImportPanel />);

    await user.click(screen.getByTestId('command-import-submit'));

    expect(screen.getByRole('alert')).toHaveTextContent('Pick one or more .md files');
    expect(api.calls).toHaveLength(0);
  });
});
