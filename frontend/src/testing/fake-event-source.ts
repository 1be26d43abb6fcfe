type Listener = (event: MessageEvent<string>) => void;

/** An EventSource stand-in the tests drive by hand. */
export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  static latest(): FakeEventSource {
    const last = FakeEventSource.instances.at(-1);
    if (!last) throw new Error('No EventSource was opened');
    return last;
  }

  static reset() {
    FakeEventSource.instances = [];
  }

  readonly url: string;
  readyState = FakeEventSource.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessage: Listener | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: Listener) {
    this.listeners.get(type)?.delete(listener);
  }

  listenedTypes(): string[] {
    return [...this.listeners.keys()];
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.(new Event('open'));
  }

  /** Sends one SSE frame: `event: <type>`, `id: <id>`, `data: <json>`. */
  emit(type: string, data: unknown, id = '') {
    const event = new MessageEvent<string>(type, {
      data: typeof data === 'string' ? data : JSON.stringify(data),
      lastEventId: id,
    });
    if (type === 'message') this.onmessage?.(event);
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  /** A dropped connection; `closed` means the browser gave up retrying. */
  fail(closed = false) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.(new Event('error'));
  }
}

export const aDomainEvent = (overrides: Record<string, unknown> = {}) => ({
  position: 42,
  eventId: 'e7d4c0de-0000-4000-8000-000000000042',
  type: 'session.mode-changed',
  aggregateId: 'session-1',
  aggregateVersion: 3,
  timestamp: '2026-11-24T10:00:00Z',
  payload: { mode: 'auto_accept' },
  ...overrides,
});
