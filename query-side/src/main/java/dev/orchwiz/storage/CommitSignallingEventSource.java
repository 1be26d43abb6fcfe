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
import java.util.concurrent.atomic.AtomicBoolean;
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
     * Each processor reads the store itself (no shared read-ahead, see {@code EventStorageConfiguration}), so a commit
     * is visible to the first read after it and one signal is enough. Commits within this window share one signal,
     * which bounds the reads under load to one per processor per window instead of one per commit. Those reads take
     * about a tenth of the node's CPU at 32 command clients, and a 10 ms window did not lower that (docs/benchmarks.md,
     * runs H), so the window stays short for the read models' lag.
     */
    private static final long SIGNAL_WINDOW_MILLIS = 3;

    private final EventStore store;
    private final Set<Runnable> readers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService signals;
    private final AtomicBoolean signalPending = new AtomicBoolean();

    public CommitSignallingEventSource(EventStore store) {
        this.store = store;
        this.signals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "orchwiz-commit-signals");
            thread.setDaemon(true);
            return thread;
        });
        store.subscribe(this::published);
    }

    /**
     * Runs {@code reader} (briefly, on the signalling thread) after each window in which this node committed events:
     * for readers of the store other than Axon's processors, such as the event stream's tailer.
     */
    public void onCommit(Runnable reader) {
        readers.add(reader);
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
        if (!signalPending.compareAndSet(false, true)) {
            return;
        }
        try {
            signals.schedule(
                    () -> {
                        // Cleared first: a commit from here on schedules the next signal, so none goes unread.
                        signalPending.set(false);
                        readers.forEach(Runnable::run);
                    },
                    SIGNAL_WINDOW_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            signalPending.set(false);
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
