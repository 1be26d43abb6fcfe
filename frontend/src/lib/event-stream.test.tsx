import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aDomainEvent, FakeEventSource } from '@/testing/fake-event-source';
import { EventStreamProvider, useDomainEvents, useEventSource, useEventStreamStatus, type DomainEvent } from './event-stream';

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useEventSource', () => {
  it('opens the stream and reports live once connected', () => {
    const { result } = renderHook(() => useEventSource({ eventTypes: ['session.started'], onEvent: vi.fn() }));

    expect(result.current).toBe('connecting');
    expect(FakeEventSource.latest().url).toBe('/api/events/stream');

    act(() => FakeEventSource.latest().emit('connected', { timestamp: '2026-11-24T10:00:00Z', position: 41 }));

    expect(result.current).toBe('live');
  });

  it('hands named domain events to the listener and ignores heartbeats and garbage', () => {
    const onEvent = vi.fn();
    renderHook(() => useEventSource({ eventTypes: ['session.mode-changed'], onEvent }));
    const source = FakeEventSource.latest();

    act(() => {
      source.open();
      source.emit('heartbeat', { timestamp: '2026-11-24T10:00:20Z' });
      source.emit('session.mode-changed', 'not json', '41');
      source.emit('session.mode-changed', aDomainEvent(), '42');
    });

    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(onEvent).toHaveBeenCalledWith(aDomainEvent());
  });

  it('reports reconnecting while the browser retries, and live again when it is back', () => {
    const { result } = renderHook(() => useEventSource({ eventTypes: [], onEvent: vi.fn() }));
    const source = FakeEventSource.latest();
    act(() => source.open());

    act(() => source.fail());
    expect(result.current).toBe('reconnecting');
    expect(FakeEventSource.instances).toHaveLength(1);

    act(() => source.open());
    expect(result.current).toBe('live');
  });

  it('reopens a stream the browser gave up on, resuming after the last event id', () => {
    vi.useFakeTimers();
    renderHook(() => useEventSource({ eventTypes: ['session.paused'], onEvent: vi.fn(), retryDelayMs: 500 }));
    const first = FakeEventSource.latest();
    act(() => {
      first.open();
      first.emit('session.paused', aDomainEvent({ type: 'session.paused' }), '42');
      first.fail(true);
    });

    act(() => vi.advanceTimersByTime(499));
    expect(FakeEventSource.instances).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));

    expect(FakeEventSource.instances).toHaveLength(2);
    expect(FakeEventSource.latest().url).toBe('/api/events/stream?after=42');
    expect(FakeEventSource.latest().listenedTypes()).toContain('session.paused');
  });

  it('asks the server for the listed types only when told to filter', () => {
    renderHook(() =>
      useEventSource({ eventTypes: ['session.started', 'session.archived'], serverFilter: true, onEvent: vi.fn() }),
    );

    expect(FakeEventSource.latest().url).toBe('/api/events/stream?types=session.archived%2Csession.started');
  });

  it('listens to types learnt later without reconnecting', () => {
    const onEvent = vi.fn();
    const { rerender } = renderHook(({ types }) => useEventSource({ eventTypes: types, onEvent }), {
      initialProps: { types: ['session.started'] },
    });

    rerender({ types: ['session.started', 'task.created'] });
    act(() => FakeEventSource.latest().emit('task.created', aDomainEvent({ type: 'task.created' }), '43'));

    expect(FakeEventSource.instances).toHaveLength(1);
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'task.created' }));
  });

  it('closes the stream on unmount', () => {
    const { unmount } = renderHook(() => useEventSource({ eventTypes: [], onEvent: vi.fn() }));

    unmount();

    expect(FakeEventSource.latest().readyState).toBe(FakeEventSource.CLOSED);
  });
});

describe('EventStreamProvider', () => {
  const Probe = ({ onEvent }: { onEvent: (event: DomainEvent) => void }) => {
    useDomainEvents(onEvent);
    return <span data-testid="status">{useEventStreamStatus()}</span>;
  };

  it('shares one stream, its status and its events with every subscriber', () => {
    const first = vi.fn();
    const second = vi.fn();
    render(
      <EventStreamProvider eventTypes={['session.renamed']}>
        <Probe onEvent={first} />
        <Probe onEvent={second} />
      </EventStreamProvider>,
    );

    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('session.renamed', aDomainEvent({ type: 'session.renamed' }), '50');
    });

    expect(FakeEventSource.instances).toHaveLength(1);
    expect(screen.getAllByTestId('status').map((s) => s.textContent)).toEqual(['live', 'live']);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('is offline without a provider', () => {
    render(<Probe onEvent={vi.fn()} />);

    expect(screen.getByTestId('status')).toHaveTextContent('offline');
  });
});
