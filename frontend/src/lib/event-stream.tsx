import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** One domain event as `/api/events/stream` sends it. */
export type DomainEvent<P = Record<string, unknown>> = {
  position: number;
  eventId: string;
  type: string;
  aggregateId: string;
  aggregateVersion: number;
  timestamp: string;
  payload: P;
};

/** `offline` only outside an {@link EventStreamProvider}. */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export type DomainEventListener = (event: DomainEvent) => void;

export const EVENT_STREAM_URL = '/api/events/stream';

// EventSource.CLOSED; spelled out so a test double without static fields works too.
const CLOSED = 2;
const MAX_RETRY_DELAY_MS = 15_000;

const isDomainEvent = (value: unknown): value is DomainEvent => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.type === 'string' && typeof candidate.aggregateId === 'string';
};

export type UseEventSourceOptions = {
  url?: string;
  /**
   * Named SSE event types to listen for. EventSource only hands named events to listeners
   * registered for that exact name, so every type the app cares about must be listed.
   */
  eventTypes: readonly string[];
  /** Asks the server to send only `eventTypes` (`?types=`). */
  serverFilter?: boolean;
  onEvent: DomainEventListener;
  /** First delay before reopening a stream the browser gave up on; doubles up to 15 s. */
  retryDelayMs?: number;
};

/**
 * Keeps one EventSource open and reports its state. The browser reconnects by itself (sending
 * Last-Event-ID); when it gives up (CLOSED, e.g. after a 5xx) this hook reopens the stream with
 * `?after=<last id>` so nothing is lost and nothing repeated.
 */
export const useEventSource = ({
  url = EVENT_STREAM_URL,
  eventTypes,
  serverFilter = false,
  onEvent,
  retryDelayMs = 1_000,
}: UseEventSourceOptions): StreamStatus => {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const onEventRef = useRef(onEvent);
  const sourceRef = useRef<EventSource | null>(null);
  const listenedRef = useRef(new Set<string>());
  const handlerRef = useRef<(message: MessageEvent<string>) => void>(() => {});
  const typesRef = useRef(eventTypes);

  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);

  const typesKey = serverFilter ? [...eventTypes].sort().join(',') : '';

  useEffect(() => {
    let source: EventSource | null = null;
    let lastEventId: string | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let disposed = false;

    const handle = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastEventId = message.lastEventId;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      if (isDomainEvent(data)) onEventRef.current(data);
    };
    handlerRef.current = handle;

    const markLive = () => {
      attempt = 0;
      setStatus('live');
    };

    const connect = () => {
      const params = new URLSearchParams();
      if (typesKey) params.set('types', typesKey);
      if (lastEventId) params.set('after', lastEventId);
      const query = params.toString();
      source = new EventSource(query ? `${url}?${query}` : url);
      sourceRef.current = source;
      listenedRef.current = new Set();
      source.onopen = markLive;
      source.addEventListener('connected', markLive);
      source.addEventListener('heartbeat', markLive);
      source.onmessage = handle;
      for (const type of typesRef.current) {
        source.addEventListener(type, handle as EventListener);
        listenedRef.current.add(type);
      }
      source.onerror = () => {
        if (disposed || !source) return;
        setStatus('reconnecting');
        if (source.readyState === CLOSED) {
          source.close();
          const delay = Math.min(retryDelayMs * 2 ** attempt, MAX_RETRY_DELAY_MS);
          attempt += 1;
          retryTimer = setTimeout(connect, delay);
        }
      };
    };

    setStatus('connecting');
    connect();
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      source?.close();
      sourceRef.current = null;
    };
  }, [url, typesKey, retryDelayMs]);

  // Types learnt later (e.g. from /api/events/types) join the open stream without reconnecting.
  useEffect(() => {
    typesRef.current = eventTypes;
    const source = sourceRef.current;
    if (!source) return;
    for (const type of eventTypes) {
      if (listenedRef.current.has(type)) continue;
      source.addEventListener(type, handlerRef.current as EventListener);
      listenedRef.current.add(type);
    }
  }, [eventTypes]);

  return status;
};

type EventStreamContextValue = {
  status: StreamStatus;
  subscribe: (listener: DomainEventListener) => () => void;
};

const EventStreamContext = createContext<EventStreamContextValue>({
  status: 'offline',
  subscribe: () => () => {},
});

export type EventStreamProviderProps = {
  eventTypes: readonly string[];
  url?: string;
  children: ReactNode;
};

/** Opens the one stream of the app and fans its events out to {@link useDomainEvents} subscribers. */
export const EventStreamProvider = ({ eventTypes, url, children }: EventStreamProviderProps) => {
  const listeners = useRef(new Set<DomainEventListener>());
  const dispatch = useCallback((event: DomainEvent) => {
    for (const listener of listeners.current) listener(event);
  }, []);
  const status = useEventSource({ url, eventTypes, onEvent: dispatch });
  const subscribe = useCallback((listener: DomainEventListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <EventStreamContext.Provider value={value}>{children}</EventStreamContext.Provider>;
};

/** Calls `listener` for every domain event while the component is mounted. */
export const useDomainEvents = (listener: DomainEventListener): void => {
  const { subscribe } = useContext(EventStreamContext);
  const listenerRef = useRef(listener);
  useEffect(() => {
    listenerRef.current = listener;
  }, [listener]);
  useEffect(() => subscribe((event) => listenerRef.current(event)), [subscribe]);
};

export const useEventStreamStatus = (): StreamStatus => useContext(EventStreamContext).status;
