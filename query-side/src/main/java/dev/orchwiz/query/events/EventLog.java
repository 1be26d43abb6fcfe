package dev.orchwiz.query.events;

import dev.orchwiz.storage.CommitSignallingEventSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tails the event store once for every stream client and releases events strictly in global-sequence order.
 *
 * <p>A sequence number is taken when an event is inserted, but the row becomes visible when its transaction commits,
 * so event 12 can be visible while 11 is still being committed. Releasing 12 first would let a client resume "after
 * 12" and never see 11. So a missing number holds everything after it back until it appears, or until it is older
 * than the gap timeout (its transaction rolled back and the number will never be used).
 *
 * <p>While a client is listening, the tailer reads the store soon after this node commits events (a commit signal,
 * at most once every {@link #MIN_GAP}), and otherwise every poll interval, which is also how events written by another
 * process sharing the store arrive. Before the signal, it read every 25 ms whatever happened: up to 25 ms between a
 * commit and its stream frame, and a few per cent of an idle node's CPU. The gap bounds what a busy node pays for the
 * signal: without it, a read every few milliseconds cost the agent-runs benchmark about 5 % of its throughput.
 */
@Component
class EventLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final int BATCH = 1_000;

    /** The shortest time between two reads of the store: commit signals within it share the next read. */
    static final Duration MIN_GAP = Duration.ofMillis(10);

    /** A client that asked within this long is listening (a connected stream asks at least every second). */
    private static final long LISTENING_NANOS = Duration.ofSeconds(5).toNanos();

    private final EventStoreTable table;
    private final Duration gapTimeout;
    private final Duration pollInterval;
    private final int bufferSize;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final ArrayDeque<StoredEvent> recent = new ArrayDeque<>();
    private volatile long releasedUpTo = -1;
    private long gapStart = -1;
    private long gapSeenAt;
    private volatile boolean running;
    private volatile long lastAskedNanos = System.nanoTime() - LISTENING_NANOS;
    private volatile Thread tailer;

    EventLog(
            EventStoreTable table,
            CommitSignallingEventSource commits,
            @Value("${orchwiz.events.stream.gap-timeout:PT10S}") Duration gapTimeout,
            @Value("${orchwiz.events.stream.poll-interval:PT0.1S}") Duration pollInterval,
            @Value("${orchwiz.events.stream.buffer:10000}") int bufferSize) {
        this.table = table;
        this.gapTimeout = gapTimeout;
        this.pollInterval = pollInterval;
        this.bufferSize = bufferSize;
        commits.onCommit(this::committed);
    }

    /** The last position released in order; every event at or below it has been released or will never exist. */
    long releasedUpTo() {
        return releasedUpTo;
    }

    /**
     * Released events after {@code position}, waiting up to {@code wait} for some to appear. Old positions that have
     * left the in-memory buffer are read back from the table.
     */
    List<StoredEvent> after(long position, int limit, Duration wait) throws InterruptedException {
        lastAskedNanos = System.nanoTime();
        lock.lock();
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (releasedUpTo <= position) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !running) {
                    return List.of();
                }
                released.awaitNanos(remaining);
            }
            if (!recent.isEmpty() && recent.peekFirst().position() <= position + 1) {
                List<StoredEvent> slice = new ArrayList<>();
                for (StoredEvent event : recent) {
                    if (event.position() > position) {
                        slice.add(event);
                        if (slice.size() == limit) {
                            break;
                        }
                    }
                }
                return slice;
            }
        } finally {
            lock.unlock();
        }
        return table.after(position, releasedUpTo, limit);
    }

    @Override
    public void start() {
        long head = table.head();
        releasedUpTo = startingPoint(head);
        running = true;
        tailer = new Thread(this::tail, "orchwiz-event-log");
        tailer.setDaemon(true);
        tailer.start();
        log.info("Event stream tailing from global sequence {}", releasedUpTo);
    }

    /**
     * Starts just below the oldest number that may still be committing, so nothing in flight at start is skipped;
     * clients that connect "from now" may see those few events.
     */
    private long startingPoint(long head) {
        long from = Math.max(0, head - BATCH);
        List<StoredEvent> tail = table.after(from, head, BATCH);
        long expected = from + 1;
        for (StoredEvent event : tail) {
            if (event.position() != expected) {
                return expected - 1;
            }
            expected = event.position() + 1;
        }
        return head;
    }

    /**
     * This node committed events: wake the tailer. A permit given while it reads is kept, so a commit during a read is
     * read right after it. With nobody listening, nobody waits for the frame: the regular poll is soon enough.
     */
    private void committed() {
        Thread current = tailer;
        if (current != null && System.nanoTime() - lastAskedNanos < LISTENING_NANOS) {
            LockSupport.unpark(current);
        }
    }

    private void tail() {
        while (running) {
            try {
                long polledAt = System.nanoTime();
                boolean more = poll();
                if (!more) {
                    LockSupport.parkNanos(this, pollInterval.toNanos());
                    long early = MIN_GAP.toNanos() - (System.nanoTime() - polledAt);
                    if (early > 0) {
                        // Sleeping keeps a signal given meanwhile: the next wait then ends at once.
                        TimeUnit.NANOSECONDS.sleep(early);
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                log.warn("Event stream could not read the event store; retrying: {}", failure.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** Reads what is new and releases the in-order prefix; answers whether a full batch suggests more is waiting. */
    boolean poll() {
        List<StoredEvent> fetched = table.after(releasedUpTo, Long.MAX_VALUE, BATCH);
        List<StoredEvent> inOrder = new ArrayList<>();
        long next = releasedUpTo + 1;
        for (StoredEvent event : fetched) {
            if (event.position() != next && !gapExpired(next)) {
                break;
            }
            inOrder.add(event);
            next = event.position() + 1;
        }
        if (!inOrder.isEmpty()) {
            publish(inOrder);
        }
        return fetched.size() == BATCH && inOrder.size() == fetched.size();
    }

    private boolean gapExpired(long missing) {
        long now = System.nanoTime();
        if (gapStart != missing) {
            gapStart = missing;
            gapSeenAt = now;
            return false;
        }
        if (now - gapSeenAt >= gapTimeout.toNanos()) {
            log.info(
                    "Global sequence {} never committed within {}; treating it as a permanent gap",
                    missing,
                    gapTimeout);
            return true;
        }
        return false;
    }

    private void publish(List<StoredEvent> events) {
        lock.lock();
        try {
            for (StoredEvent event : events) {
                recent.addLast(event);
                if (recent.size() > bufferSize) {
                    recent.removeFirst();
                }
            }
            releasedUpTo = events.get(events.size() - 1).position();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (tailer != null) {
            tailer.interrupt();
        }
        lock.lock();
        try {
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Start after the database and Flyway are ready; stop before the datasource closes.
        return Integer.MAX_VALUE - 1000;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
