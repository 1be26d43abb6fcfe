package dev.orchwiz.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The event store as the projections' processors read it, with one addition: streams tell their reader when this
 * node has committed new events. Axon's pooled processor otherwise re-polls an idle event store every 500 ms, which
 * would put up to half a second between a write and its read model. Events committed by other nodes still arrive
 * through the processor's regular polling.
 */
public class CommitSignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * Axon's store hands new events to readers through a producer that fetches them shortly after the commit; a
     * single signal can arrive before that and find nothing. So each commit starts a short burst of signals, and
     * commits during a burst share it.
     */
    private static final long[] BURST_MILLIS = {2, 10, 40, 120, 300};

    private final EventStore store;
    private final Set<Runnable> readers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService signals;
    private final AtomicLong burstStartedAt = new AtomicLong(-1);

    public CommitSignallingEventSource(EventStore store) {
        this.store = store;
        this.signals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "orchwiz-commit-signals");
            thread.setDaemon(true);
            return thread;
        });
        store.subscribe(this::published);
    }

    /** Stops signalling (on shutdown). */
    public void close() {
        signals.shutdownNow();
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (!CurrentUnitOfWork.isStarted()) {
            signal();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (unitOfWork.phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            // Readers would find nothing before the transaction commits.
            unitOfWork.afterCommit(committed -> signal());
        } else {
            signal();
        }
    }

    private void signal() {
        long now = System.nanoTime();
        long started = burstStartedAt.get();
        boolean burstRunning = started >= 0 && now - started < TimeUnit.MILLISECONDS.toNanos(BURST_MILLIS[1]);
        if (burstRunning || !burstStartedAt.compareAndSet(started, now)) {
            return;
        }
        for (long delay : BURST_MILLIS) {
            try {
                signals.schedule(() -> readers.forEach(Runnable::run), delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                return;
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignalledStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable reader;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = reader;
            if (previous != null) {
                readers.remove(previous);
            }
            reader = callback;
            readers.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = reader;
            if (current != null) {
                readers.remove(current);
            }
            delegate.close();
        }
    }
}
