import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { DataTable } from '@/components/data-table';
import { SelectField } from '@/components/field';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { Spinner } from '@/components/spinner';
import { Tabs } from '@/components/tabs';
import { errorMessage } from '@/lib/api-client';
import { elapsedMillis, formatCost, formatDuration, shortId } from '@/lib/format';
import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { useUsage } from '../api/get-usage';
import { useRankedRuns } from '../api/list-ranked-runs';
import { runKeys } from '../api/run-keys';
import type { RunRanking, RunView, UsageGroup } from '../types';
import { RunStateBadge } from './run-state-badge';
import { UsageChart, type UsageMetric } from './usage-chart';

const GROUPS: { value: UsageGroup; label: string; testId: string }[] = [
  { value: 'model', label: 'By model', testId: 'usage-group-model' },
  { value: 'tool', label: 'By tool', testId: 'usage-group-tool' },
  { value: 'day', label: 'By day', testId: 'usage-group-day' },
  { value: 'session', label: 'By session', testId: 'usage-group-session' },
];

const METRICS: { value: UsageMetric; label: string; testId: string }[] = [
  { value: 'cost', label: 'Cost', testId: 'usage-metric-cost' },
  { value: 'tokens', label: 'Tokens', testId: 'usage-metric-tokens' },
  { value: 'latency', label: 'Latency', testId: 'usage-metric-latency' },
];

const PERIODS = [
  { value: '1', label: 'Last 24 hours' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

const GROUP_HEADINGS: Record<UsageGroup, string> = { model: 'Model', tool: 'Tool', day: 'Day', session: 'Session' };

const Usage = () => {
  const [groupBy, setGroupBy] = useState<UsageGroup>('model');
  const [metric, setMetric] = useState<UsageMetric>('cost');
  const [days, setDays] = useState(30);
  const usage = useUsage(groupBy, days);
  const rows = usage.data?.rows ?? [];
  return (
    <Panel
      title="Usage"
      labelledBy="usage-title"
      actions={
        <SelectField
          label="Period"
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value))}
          options={PERIODS}
          data-testid="usage-days"
        />
      }
    >
      <div className="usage__controls">
        <Tabs label="Group usage" tabs={GROUPS} value={groupBy} onChange={setGroupBy} controls="usage-table" />
        <Tabs label="Chart" tabs={METRICS} value={metric} onChange={setMetric} />
      </div>
      {usage.isPending && <Spinner label="Loading usage…" />}
      {usage.isError && !usage.data && <Alert title="Could not load usage">{errorMessage(usage.error)}</Alert>}
      {rows.length > 0 && <UsageChart rows={rows} metric={metric} />}
      {usage.data && (
        <div id="usage-table">
          <DataTable
            testId="usage-table"
            caption={`Usage by ${groupBy} over the last ${days} days`}
            columns={[
              GROUP_HEADINGS[groupBy],
              { label: 'Runs', numeric: true },
              { label: 'Calls', numeric: true },
              { label: 'Input tokens', numeric: true },
              { label: 'Output tokens', numeric: true },
              { label: 'Cost', numeric: true },
              { label: 'Avg latency', numeric: true },
            ]}
            rows={rows}
            busy={usage.isPlaceholderData}
            empty="No run in this period."
          >
            {(row) => (
              <tr key={row.key} data-testid={`usage-row-${row.key}`}>
                <td>
                  <code>{row.key}</code>
                </td>
                <td className="table__num">{row.runs.toLocaleString('en')}</td>
                <td className="table__num">{row.calls.toLocaleString('en')}</td>
                <td className="table__num">{row.inputTokens.toLocaleString('en')}</td>
                <td className="table__num">{row.outputTokens.toLocaleString('en')}</td>
                <td className="table__num" data-testid="usage-cost">
                  {formatCost(row.cost)}
                </td>
                <td className="table__num">{formatDuration(row.avgLatencyMillis)}</td>
              </tr>
            )}
          </DataTable>
        </div>
      )}
    </Panel>
  );
};

const RANKINGS: Record<RunRanking, { title: string; testId: string }> = {
  slowest: { title: 'Slowest runs', testId: 'slowest-runs' },
  costliest: { title: 'Most expensive runs', testId: 'costliest-runs' },
};

const durationOf = (run: RunView) => run.durationMillis ?? elapsedMillis(run.startedAt, run.endedAt);

const RankedRuns = ({ sort }: { sort: RunRanking }) => {
  const runs = useRankedRuns(sort);
  const { title, testId } = RANKINGS[sort];
  return (
    <Panel title={title} labelledBy={`${testId}-title`}>
      {runs.isPending && <Spinner label="Loading runs…" />}
      {runs.isError && !runs.data && <Alert title="Could not load these runs">{errorMessage(runs.error)}</Alert>}
      {runs.data && (
        <DataTable
          testId={testId}
          caption={title}
          columns={['Run', 'Model', 'State', { label: 'Duration', numeric: true }, { label: 'Cost', numeric: true }, 'Trace']}
          rows={runs.data}
          empty="No run yet."
        >
          {(run) => (
            <tr key={run.id} data-testid={`${testId}-row-${run.id}`}>
              <td>
                <Link to={`/runs/${encodeURIComponent(run.id)}`} title={run.prompt ?? undefined}>
                  {run.prompt ? run.prompt.split('\n')[0].slice(0, 60) : shortId(run.id)}
                </Link>
              </td>
              <td>{run.model ?? run.runtime ?? '—'}</td>
              <td>
                <RunStateBadge state={run.state} />
              </td>
              <td className="table__num">{formatDuration(durationOf(run))}</td>
              <td className="table__num">{formatCost(run.cost ?? 0)}</td>
              <td>
                {run.traceId ? (
                  <Link to={`/traces/${encodeURIComponent(run.traceId)}`} data-testid="ranked-run-trace">
                    Trace
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          )}
        </DataTable>
      )}
    </Panel>
  );
};

/** Cost, tokens and latency of agent runs by model, tool and day, and the slowest and most expensive runs. */
export const ObservabilityView = () => {
  // A run that ends changes every figure here.
  useRefreshOnEvents({ matches: (event) => /^run\.(completed|failed|cancelled)$/.test(event.type), queryKeys: [runKeys.observability()] });
  return (
    <div className="observability-page" data-testid="observability-page">
      <PageHeader title="Observability">
        <p className="muted">What agent runs used and cost, and where the time went. Every run links to its trace.</p>
      </PageHeader>
      <Usage />
      <div className="observability-page__rankings">
        <RankedRuns sort="slowest" />
        <RankedRuns sort="costliest" />
      </div>
    </div>
  );
};
