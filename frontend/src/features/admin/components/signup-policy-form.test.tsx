import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { SignupPolicyForm } from './signup-policy-form';

describe('SignupPolicyForm', () => {
  it('shows the policy with explanations and saves a change at once', async () => {
    const api = mockApi({
      'GET /api/admin/signup-policy': () => jsonResponse({ policy: 'open' }),
      'PUT /api/admin/signup-policy': ({ body }) => jsonResponse(body),
    });
    const { user } = renderWithProviders(<SignupPolicyForm />);

    const select = await screen.findByTestId('signup-policy-select');
    expect(select).toHaveValue('open');
    expect(screen.getByText('Anyone who can receive an email link may create an account.')).toBeInTheDocument();

    await user.selectOptions(select, 'invite');

    expect(await screen.findByTestId('signup-policy-saved')).toHaveTextContent('Invitation only');
    expect(api.callsTo('PUT', '/api/admin/signup-policy')[0].body).toEqual({ policy: 'invite' });
    expect(screen.getByTestId('signup-policy-select')).toHaveValue('invite');
  });
});
