import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Badge, type BadgeTone } from '@/components/badge';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { Fact } from '@/components/fact';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { errorMessage } from '@/lib/api-client';
import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { formatClock, formatCost, formatDuration } from '@/lib/format';
import { useTrace } from '../api/find-trace';
import { runKeys } from '../api/run-keys';
import { layOutWaterfall, type SpanRow } from '../trace-layout';
import { isRunEvent, type Span, type Trace } from '../types';

const KIND_TONES: Record<string, BadgeTone> = { run: 'accent', model: 'info', tool: 'warning' };

const attributeText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** What the span's attributes say it cost and used, if they say it. */
const spanUsage = (span: Span): string => {
  const attributes = span.attributes ?? {};
  const input = attributes['gen_ai.usage.input_tokens'];
  const output = attributes['gen_ai.usage.output_tokens'];
  const cost = attributes.cost;
  const parts: string[] = [];
  if (typeof input === 'number' || typeof output === 'number') parts.push(`${input ?? 0} in / ${output ?? 0} out`);
  if (typeof cost === 'number') parts.push(formatCost(cost));
  return parts.join(' · ');
};

const SpanDetails = ({ span }: { span: Span }) => {
  const attributes = Object.entries(span.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const eventIds = span.eventIds ?? [];
  return (
    <div className="span-details" data-testid="span-details">
      <dl className="facts">
        <Fact label="Span">
          <code>{span.spanId}</code>
        </Fact>
        <Fact label="Parent">{span.parentSpanId ? <code>{span.parentSpanId}</code> : <span className="muted">root</span>}</Fact>
        <Fact label="Kind">{span.kind}</Fact>
        <Fact label="Started">{formatClock(span.startedAt)}</Fact>
        <Fact label="Duration" testId="span-duration">
          {span.endedAt || span.durationMillis !== null ? formatDuration(span.durationMillis) : 'still open'}
        </Fact>
      </dl>
      <h3 className="span-details__heading">Attributes</h3>
      {attributes.length === 0 ? (
        <p className="muted">No attributes.</p>
      ) : (
        <table className="table table--compact" data-testid="span-attributes">
          <caption className="visually-hidden">Attributes of the span</caption>
          <tbody>
            {attributes.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">
                  <code>{key}</code>
                </th>
                <td>
                  <code className="span-details__value">{attributeText(value)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="span-details__heading">Events</h3>
      {eventIds.length === 0 ? (
        <p className="muted">No event recorded this span.</p>
      ) : (
        <ul className="span-details__events" data-testid="span-events">
          {eventIds.map((eventId) => (
            <li key={eventId}>
              <code>{eventId}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

type WaterfallProps = { rows: SpanRow[]; selected: string | undefined; onSelect: (spanId: string) => void };

/** One line per span, indented by depth, its bar placed by start and sized by duration; a click opens its details. */
const Waterfall = ({ rows, selected, onSelect }: WaterfallProps) => (
  <ol className="waterfall" data-testid="trace-waterfall" aria-label="Spans, as a tree in start order">
    {rows.map(({ span, depth, offsetPercent, widthPercent, durationMillis }) => (
      <li key={span.spanId} className="waterfall__row">
        <button
          type="button"
          className={['waterfall__button', span.spanId === selected ? 'waterfall__button--selected' : ''].filter(Boolean).join(' ')}
          aria-pressed={span.spanId === selected}
          onClick={() => onSelect(span.spanId)}
          data-testid={`trace-span-${span.spanId}`}
          data-depth={depth}
        >
          <span className="waterfall__label" style={{ paddingLeft: `${depth * 16}px` }}>
            <Badge tone={KIND_TONES[span.kind] ?? 'neutral'}>{span.kind}</Badge>
            <span className="waterfall__name">{span.name}</span>
          </span>
          <span className="waterfall__track" aria-hidden="true">
            <span
              className={`waterfall__bar waterfall__bar--${span.kind}`}
              style={{ left: `${offsetPercent}%`, width: `${widthPercent}%` }}
              data-testid="span-bar"
            />
          </span>
          <span className="waterfall__duration">
            {durationMillis === null ? '—' : formatDuration(durationMillis)}
            {spanUsage(span) && <span className="muted"> · {spanUsage(span)}</span>}
          </span>
        </button>
      </li>
    ))}
  </ol>
);

const TracePage = ({ trace, error }: { trace: Trace; error: Error | null }) => {
  const { rows, totalMillis } = layOutWaterfall(trace.spans ?? []);
  const [selected, setSelected] = useState<string | undefined>(rows[0]?.span.spanId);
  const span = rows.find((row) => row.span.spanId === selected)?.span;
  return (
    <div className="trace-page" data-testid="trace-page">
      <PageHeader
        eyebrow={
          <>
            Trace <code>{trace.traceId}</code>
          </>
        }
        title="Trace"
      >
        <p className="muted">
          {rows.length} spans over {formatDuration(totalMillis)}
          {trace.runId && (
            <>
              {' · '}
              <Link to={`/runs/${encodeURIComponent(trace.runId)}`} data-testid="trace-run-link">
                its run
              </Link>
            </>
          )}
          {trace.sessionId && (
            <>
              {' · '}
              <Link to={`/sessions/${encodeURIComponent(trace.sessionId)}`}>its session</Link>
            </>
          )}
        </p>
      </PageHeader>
      {error && <Alert tone="warning">Showing the last loaded trace: {errorMessage(error)}</Alert>}
      <div className="trace-page__grid">
        <Panel title="Spans" labelledBy="trace-spans-title">
          {rows.length === 0 ? <p className="muted">No span recorded yet.</p> : <Waterfall rows={rows} selected={selected} onSelect={setSelected} />}
        </Panel>
        <Panel title={span ? span.name : 'Span'} labelledBy="trace-span-title">
          {span ? <SpanDetails span={span} /> : <p className="muted">Pick a span to see its attributes and events.</p>}
        </Panel>
      </div>
    </div>
  );
};

export const TraceNotFound = ({ traceId }: { traceId: string }) => (
  <NotFoundPage title="Trace not found" testId="trace-not-found" backTo="/observability" backLabel="Back to observability">
    There is no trace <code>{traceId}</code> you may see.
  </NotFoundPage>
);

/** A run's trace as a span waterfall; refetched while the run goes on. */
export const TraceView = ({ traceId }: { traceId: string }) => {
  const query = useTrace(traceId);
  const runId = query.data?.runId;
  useRefreshOnEvents({ matches: (event) => isRunEvent(event.type) && event.aggregateId === runId, queryKeys: [runKeys.trace(traceId)] });
  return (
    <Loaded query={query} what="trace" notFound={<TraceNotFound traceId={traceId} />} keepOnNotFound>
      {(trace) => <TracePage trace={trace} error={query.error} />}
    </Loaded>
  );
};
