import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { GithubSection } from './github-section';

describe('GithubSection', () => {
  it('says when GitHub is not configured', async () => {
    mockApi({ 'GET /api/me/github': () => jsonResponse({ configured: false, linked: false, login: null }) });

    renderWithProviders(<GithubSection />);

    expect(await screen.findByTestId('github-not-configured')).toBeInTheDocument();
    expect(screen.queryByTestId('github-connect')).not.toBeInTheDocument();
  });

  it('connects by plain navigation to the OAuth start', async () => {
    mockApi({ 'GET /api/me/github': () => jsonResponse({ configured: true, linked: false, login: null }) });

    renderWithProviders(<GithubSection />);

    expect(await screen.findByTestId('github-connect')).toHaveAttribute('href', '/oauth2/authorization/github');
  });

  it('shows the linked login, the notice from the redirect, and disconnects', async () => {
    let linked = true;
    const api = mockApi({
      'GET /api/me/github': () => jsonResponse({ configured: true, linked, login: linked ? 'octocat' : null }),
      'DELETE /api/me/github': () => {
        linked = false;
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<GithubSection />, { route: '/settings?github=linked', path: '/settings' });

    expect(await screen.findByTestId('github-linked')).toHaveTextContent('Connected as @octocat');
    expect(screen.getByTestId('github-notice')).toHaveTextContent('GitHub connected');

    await user.click(screen.getByTestId('github-disconnect'));

    expect(await screen.findByTestId('github-connect')).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/me/github')).toHaveLength(1);
  });

  it('reports a failed link and can dismiss the notice', async () => {
    mockApi({ 'GET /api/me/github': () => jsonResponse({ configured: true, linked: false, login: null }) });
    const { user } = renderWithProviders(<GithubSection />, { route: '/settings?github=failed', path: '/settings' });

    expect(await screen.findByTestId('github-notice')).toHaveTextContent('GitHub was not connected');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));

    await waitFor(() => expect(screen.queryByTestId('github-notice')).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/settings$/);
  });
});
