import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/test-utils';
import { CopyId } from './copy-id';

const ID = '0c29fdaa-d56c-4f5e-a2d3-9404b8e02cf8';

describe('CopyId', () => {
  it('keeps the raw id out of the text and copies it on click', async () => {
    const { user, container } = renderWithProviders(<CopyId id={ID} what="session" testId="copy" />);

    expect(container.textContent).not.toContain(ID);
    expect(screen.getByTestId('copy')).toHaveAttribute('title', `session id ${ID}`);

    await user.click(screen.getByTestId('copy'));
    expect(await navigator.clipboard.readText()).toBe(ID);
    expect(screen.getByTestId('copy')).toHaveTextContent('id copied');
  });
});
