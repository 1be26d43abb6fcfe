import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCost, formatDuration } from '@/lib/format';
import type { UsageRow } from '../types';

export const USAGE_METRICS = ['cost', 'tokens', 'latency'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

const AXIS = { stroke: '#8d9ab3', fontSize: 12 };
const TOOLTIP = { contentStyle: { background: '#141c2b', border: '1px solid #33425f' }, labelStyle: { color: '#dde5f2' } };

/** Cost, tokens (in and out stacked) or average latency per key, as bars. */
export const UsageChart = ({ rows, metric }: { rows: readonly UsageRow[]; metric: UsageMetric }) => (
  <div className="usage-chart" data-testid="usage-chart" data-metric={metric}>
    <BarChart responsive data={[...rows]} style={{ width: '100%', height: 280 }} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid stroke="#243047" strokeDasharray="3 3" />
      <XAxis dataKey="key" tick={AXIS} />
      {metric === 'cost' && (
        <>
          <YAxis tick={AXIS} tickFormatter={(value: number) => formatCost(value)} width={72} />
          <Tooltip {...TOOLTIP} formatter={(value) => formatCost(Number(value))} />
          <Bar isAnimationActive={false} dataKey="cost" name="Cost (USD)" fill="#4fd1c5" />
        </>
      )}
      {metric === 'tokens' && (
        <>
          <YAxis tick={AXIS} width={72} />
          <Tooltip {...TOOLTIP} />
          <Legend />
          <Bar isAnimationActive={false} dataKey="inputTokens" name="Input tokens" stackId="tokens" fill="#63b3ed" />
          <Bar isAnimationActive={false} dataKey="outputTokens" name="Output tokens" stackId="tokens" fill="#f6ad55" />
        </>
      )}
      {metric === 'latency' && (
        <>
          <YAxis tick={AXIS} tickFormatter={(value: number) => formatDuration(value)} width={72} />
          <Tooltip {...TOOLTIP} formatter={(value) => formatDuration(Number(value))} />
          <Bar isAnimationActive={false} dataKey="avgLatencyMillis" name="Average latency" fill="#68d391" />
        </>
      )}
    </BarChart>
  </div>
);
