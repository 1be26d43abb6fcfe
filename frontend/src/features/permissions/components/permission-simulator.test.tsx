import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSimulation } from '@/testing/control-plane-fixtures';
import { aPage, aSummary } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { DEFAULT_SIMULATION_INPUT, PermissionSimulator } from './permission-simulator';

const choices = {
  'GET /api/sessions': () => jsonResponse(aPage([aSummary({ id: 'session-1', title: 'Release' })])),
  'GET /api/subagents': () => jsonResponse(aPage([{ id: 'sub-1', name: 'deployer', mine: true }])),
};

describe('PermissionSimulator', () => {
  it('simulates the default git push and shows the outcome, the deciding rule and every shadowed one', async () => {
    const api = mockApi({ ...choices, 'POST /api/permissions/simulate': () => jsonResponse(aSimulation()) });
    const { user } = renderWithProviders(<PermissionSimulator />);
    expect(screen.getByTestId('simulate-tool')).toHaveValue('Bash');
    expect(screen.getByTestId('simulate-input')).toHaveValue(DEFAULT_SIMULATION_INPUT);
    await screen.findByRole('option', { name: /Release/ }, { timeout: 10_000 });
    await user.selectOptions(screen.getByTestId('simulate-session'), 'session-1');

    await user.click(screen.getByTestId('simulate-submit'));

    expect(await screen.findByTestId('simulate-outcome')).toHaveTextContent(/^deny$/);
    expect(screen.getByTestId('simulate-reason')).toHaveTextContent('denied by session rule Bash(git push:*)');
    expect(screen.getByTestId('simulate-decided-by')).toHaveTextContent('Bash(git push:*) · session');
    const shadowed = within(screen.getByTestId('simulate-shadowed')).getAllByTestId('simulate-shadowed-rule');
    expect(shadowed).toHaveLength(2);
    expect(shadowed[0]).toHaveTextContent('ask Bash(git:*) · user');
    expect(shadowed[1]).toHaveTextContent('allow Bash · policy · policy safe-core · priority 10');
    expect(shadowed[1]).toHaveClass('simulation__shadowed-rule');
    expect(api.callsTo('POST', '/api/permissions/simulate')[0].body).toEqual({
      tool: 'Bash',
      input: { command: 'git push origin main' },
      sessionId: 'session-1',
    });
  });

  it('says when no rule matched', async () => {
    mockApi({ ...choices, 'POST /api/permissions/simulate': () => jsonResponse(aSimulation({ outcome: 'ask', decidedBy: null, shadowed: [], reason: 'no rule matched' })) });
    const { user } = renderWithProviders(<PermissionSimulator />);

    await user.click(screen.getByTestId('simulate-submit'));

    expect(await screen.findByTestId('simulate-decided-by')).toHaveTextContent('No rule matched: the call asks.');
    expect(screen.getByTestId('simulate-shadowed')).toHaveTextContent('No other rule matched.');
  });

  it('refuses input that is not a JSON object, before asking the node', async () => {
    const api = mockApi(choices);
    const { user } = renderWithProviders(<PermissionSimulator />);

    await user.clear(screen.getByTestId('simulate-input'));
    await user.type(screen.getByTestId('simulate-input'), '{{"command": ');
    await user.click(screen.getByTestId('simulate-submit'));

    expect(screen.getByTestId('simulate-input')).toHaveAccessibleDescription(/Not valid JSON/);
    expect(api.callsTo('POST', '/api/permissions/simulate')).toHaveLength(0);
  });

  it('shows the problem of a refused simulation', async () => {
    mockApi({
      ...choices,
      'POST /api/permissions/simulate': () =>
        problemResponse({ status: 400, code: 'VALIDATION_FAILED', title: 'Invalid', detail: 'Check the fields.', errors: [{ field: 'tool', message: 'unknown tool' }] }),
    });
    const { user } = renderWithProviders(<PermissionSimulator />);

    await user.click(screen.getByTestId('simulate-submit'));

    await waitFor(() => expect(screen.getByTestId('simulate-tool')).toHaveAccessibleDescription('unknown tool'));
    expect(screen.getByTestId('simulate-error')).toHaveTextContent('Check the fields.');
  });
});
