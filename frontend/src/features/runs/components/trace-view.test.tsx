import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AGENT_RUN_ID, aTrace, TRACE_ID } from '@/testing/run-fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import { TraceView } from './trace-view';

const tracePath = `/api/traces/${TRACE_ID}`;

describe('TraceView', () => {
  it('draws the spans as a waterfall nested by parent, bars placed by start and duration', async () => {
    mockApi({ [`GET ${tracePath}`]: () => jsonResponse(aTrace()) });

    renderWithProviders(<TraceView traceId={TRACE_ID} />);

    const waterfall = await screen.findByTestId('trace-waterfall');
    const spans = within(waterfall).getAllByRole('button');
    expect(spans.map((span) => [span.dataset.testid, span.dataset.depth])).toEqual([
      ['trace-span-00f067aa0ba902b7', '0'],
      ['trace-span-1111111111111111', '1'],
      ['trace-span-2222222222222222', '1'],
    ]);
    const tool = within(screen.getByTestId('trace-span-2222222222222222')).getByTestId('span-bar');
    expect(tool.style.left).toBe('25%');
    expect(tool.style.width).toBe('50%');
    expect(screen.getByTestId('trace-span-1111111111111111')).toHaveTextContent('600 in / 40 out · $0');
    expect(screen.getByTestId('trace-run-link')).toHaveAttribute('href', `/runs/${AGENT_RUN_ID}`);
  });

  it('shows the attributes and event ids of the span clicked', async () => {
    mockApi({ [`GET ${tracePath}`]: () => jsonResponse(aTrace()) });
    const { user } = renderWithProviders(<TraceView traceId={TRACE_ID} />);

    await user.click(await screen.findByTestId('trace-span-1111111111111111'));

    expect(screen.getByTestId('trace-span-1111111111111111')).toHaveAttribute('aria-pressed', 'true');
    const details = screen.getByTestId('span-details');
    expect(within(details).getByTestId('span-attributes')).toHaveTextContent('gen_ai.request.model');
    expect(within(details).getByTestId('span-attributes')).toHaveTextContent('local-deterministic');
    expect(within(details).getByTestId('span-events')).toHaveTextContent('e-2');
    expect(within(details).getByTestId('span-events')).toHaveTextContent('e-3');
    expect(within(details).getByTestId('span-duration')).toHaveTextContent('1 s');
  });

  it('says so for a trace that does not exist', async () => {
    mockApi({ [`GET ${tracePath}`]: () => problemResponse({ status: 404, title: 'Trace not found', code: 'RUN_TRACE_NOT_FOUND' }) });

    renderWithProviders(<TraceView traceId={TRACE_ID} />);

    expect(await screen.findByTestId('trace-not-found')).toHaveTextContent(TRACE_ID);
  });
});
