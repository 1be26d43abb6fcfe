import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AGENT_RUN_ID, anAgentRun, TRACE_ID } from '@/testing/run-fixtures';
import { jsonResponse, mockApi, renderWithProviders } from '@/testing/test-utils';
import { ObservabilityView } from './observability-view';

const usageRow = (key: string, cost: number) => ({ key, runs: 3, calls: 7, inputTokens: 4200, outputTokens: 300, cost, avgLatencyMillis: 1250 });

const renderPage = () => {
  const api = mockApi({
    'GET /api/observability/usage': ({ search }) =>
      jsonResponse({
        groupBy: search.get('groupBy'),
        days: Number(search.get('days')),
        rows: search.get('groupBy') === 'tool' ? [usageRow('Bash', 0)] : [usageRow('gpt-4o', 0.42), usageRow('local-deterministic', 0)],
      }),
    'GET /api/observability/runs': ({ search }) =>
      jsonResponse({
        items:
          search.get('sort') === 'slowest'
            ? [{ ...anAgentRun(), durationMillis: 4200 }]
            : [{ ...anAgentRun({ id: 'costly', traceId: 'trace-costly', cost: 1.25, prompt: 'Refactor everything' }), durationMillis: 90_000 }],
      }),
  });
  return { ...renderWithProviders(<ObservabilityView />), api };
};

describe('ObservabilityView', () => {
  it('shows usage by model over 30 days, as a table and a chart', async () => {
    const { api } = renderPage();

    const table = await screen.findByTestId('usage-table');
    expect(within(table).getByTestId('usage-row-gpt-4o')).toHaveTextContent('4,200');
    expect(within(within(table).getByTestId('usage-row-gpt-4o')).getByTestId('usage-cost')).toHaveTextContent('$0.42');
    expect(within(table).getByTestId('usage-row-gpt-4o')).toHaveTextContent('1.25 s');
    expect(screen.getByTestId('usage-chart')).toHaveAttribute('data-metric', 'cost');
    expect(api.callsTo('GET', '/api/observability/usage')[0].search.toString()).toBe('groupBy=model&days=30');
  });

  it('groups by tool or day, over another period, and charts tokens or latency', async () => {
    const { user, api } = renderPage();
    await screen.findByTestId('usage-row-gpt-4o');

    await user.click(screen.getByTestId('usage-group-tool'));
    expect(await screen.findByTestId('usage-row-Bash')).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('usage-days'), '7');
    await user.click(screen.getByTestId('usage-metric-tokens'));

    await waitFor(() => expect(api.callsTo('GET', '/api/observability/usage').at(-1)?.search.toString()).toBe('groupBy=tool&days=7'));
    expect(screen.getByTestId('usage-chart')).toHaveAttribute('data-metric', 'tokens');
  });

  it('lists the slowest and the costliest runs, each linking to its run and its trace', async () => {
    const { api } = renderPage();

    const slowest = await screen.findByTestId('slowest-runs');
    const slow = within(slowest).getByTestId(`slowest-runs-row-${AGENT_RUN_ID}`);
    expect(slow).toHaveTextContent('4.2 s');
    expect(within(slow).getByRole('link', { name: 'List the files' })).toHaveAttribute('href', `/runs/${AGENT_RUN_ID}`);
    expect(within(slow).getByTestId('ranked-run-trace')).toHaveAttribute('href', `/traces/${TRACE_ID}`);
    const costly = within(await screen.findByTestId('costliest-runs')).getByTestId('costliest-runs-row-costly');
    expect(costly).toHaveTextContent('$1.25');
    expect(costly).toHaveTextContent('1 min 30 s');
    expect(within(costly).getByTestId('ranked-run-trace')).toHaveAttribute('href', '/traces/trace-costly');
    expect(api.callsTo('GET', '/api/observability/runs').map((call) => call.search.toString()).sort()).toEqual([
      'sort=costliest&size=10',
      'sort=slowest&size=10',
    ]);
  });
});
