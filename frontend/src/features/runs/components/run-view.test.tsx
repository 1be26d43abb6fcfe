import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SESSION_ID } from '@/testing/fixtures';
import { AGENT_RUN_ID, anAgentRun, TRACE_ID } from '@/testing/run-fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { RunView } from './run-view';

const runPath = `/api/runs/${AGENT_RUN_ID}`;

describe('RunView', () => {
  it('shows the run with its facts, its session and its trace', async () => {
    mockApi({ [`GET ${runPath}`]: () => jsonResponse(anAgentRun({ model: 'gpt-4o', runtime: 'openai', cost: 1.5 })) });

    renderWithProviders(<RunView runId={AGENT_RUN_ID} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'List the files' })).toBeInTheDocument();
    expect(screen.getByTestId('agent-run-page-state')).toHaveTextContent('completed');
    const facts = screen.getByTestId('agent-run-facts');
    expect(within(facts).getByTestId('agent-run-fact-runtime')).toHaveTextContent('openai');
    expect(within(facts).getByTestId('agent-run-fact-model')).toHaveTextContent('gpt-4o');
    expect(within(facts).getByTestId('agent-run-token-facts')).toHaveTextContent('1,200 / 80');
    expect(within(facts).getByTestId('agent-run-cost-fact')).toHaveTextContent('$1.50');
    expect(within(facts).getByTestId('agent-run-session-link')).toHaveAttribute('href', `/sessions/${SESSION_ID}`);
    expect(within(facts).getByTestId('agent-run-trace')).toHaveAttribute('href', `/traces/${TRACE_ID}`);
    expect(screen.getByTestId('agent-run-answer')).toHaveTextContent('Here they are.');
    // The page is the run's own: no link to itself.
    expect(screen.queryByTestId('agent-run-link')).not.toBeInTheDocument();
    expect(screen.queryByTestId('agent-run-cancel')).not.toBeInTheDocument();
  });

  it('cancels a running run and shows it cancelled', async () => {
    let state: 'running' | 'cancelled' = 'running';
    const api = mockApi({
      [`GET ${runPath}`]: () => jsonResponse(anAgentRun({ state, answer: null, output: 'half', endedAt: null, version: state === 'running' ? 4 : 5 })),
      [`POST ${runPath}/cancel`]: () => {
        state = 'cancelled';
        return jsonResponse({ id: AGENT_RUN_ID, version: 5 }, { status: 202 });
      },
    });
    const { user } = renderWithProviders(<RunView runId={AGENT_RUN_ID} />);

    await user.click(await screen.findByTestId('agent-run-cancel'));

    await waitFor(() => expect(screen.getByTestId('agent-run-page-state')).toHaveTextContent('cancelled'));
    expect(screen.getByTestId('agent-run-cancelled')).toHaveTextContent('the text above is what had streamed by then');
    expect(screen.queryByTestId('agent-run-cancel')).not.toBeInTheDocument();
    expect(api.callsTo('POST', `${runPath}/cancel`)).toHaveLength(1);
  });

  it('shows why a cancel was refused', async () => {
    mockApi({
      [`GET ${runPath}`]: () => jsonResponse(anAgentRun({ state: 'running', answer: null, endedAt: null })),
      [`POST ${runPath}/cancel`]: () => problemResponse({ status: 409, title: 'Conflict', detail: 'This run has already finished', code: 'RUN_ALREADY_FINISHED' }),
    });
    const { user } = renderWithProviders(<RunView runId={AGENT_RUN_ID} />);

    await user.click(await screen.findByTestId('agent-run-cancel'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Not cancelled: This run has already finished');
  });

  it('shows what the page was given for a run that does not exist', async () => {
    mockApi({ [`GET ${runPath}`]: () => problemResponse({ status: 404, title: 'Run not found', code: 'RUN_NOT_FOUND' }) });

    renderWithProviders(<RunView runId={AGENT_RUN_ID} />);

    expect(await screen.findByTestId('agent-run-not-found')).toHaveTextContent(AGENT_RUN_ID);
  });
});
