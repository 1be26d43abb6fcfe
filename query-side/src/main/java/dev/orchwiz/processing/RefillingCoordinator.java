package dev.orchwiz.processing;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;

/**
 * The thread of a pooled processor's coordinator, which reads the store and hands events to the work packages. When a
 * work package holds its 1,024 buffered events, Axon 4.13's coordinator stops reading and looks again 100 ms later,
 * and is not woken when the package drains. With four segments a buffer holds about one batch of the package's own
 * events, which a machine with CPU to spare writes in a fraction of that, so a rebuild's packages sat idle while the
 * coordinator slept (ADR 0022, amendment). Here that re-check comes after {@link #REFILL}, so the buffers stay full.
 *
 * <p>Only delays of at most {@link #AXON_FULL_RECHECK} are shortened. Axon 4.13's coordinator schedules nothing else
 * that short: running at once is a delay of 0, and its other waits (the token claim interval when caught up, 500 ms
 * without an availability callback, the error back-off from 500 ms) are all longer, so an idle or failing processor
 * polls exactly as before.
 */
final class RefillingCoordinator extends ScheduledThreadPoolExecutor {

    /** The wait of Axon 4.13's coordinator when a work package is full. */
    static final Duration AXON_FULL_RECHECK = Duration.ofMillis(100);

    /** The wait used instead: a coordinator run that finds no space costs microseconds, a batch takes milliseconds. */
    static final Duration REFILL = Duration.ofMillis(2);

    RefillingCoordinator(String processorName) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, refill(delay, unit), TimeUnit.NANOSECONDS);
    }

    /** The delay in nanoseconds: a full work package's re-check shortened to {@link #REFILL}, any other kept. */
    static long refill(long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        if (nanos > 0 && nanos <= AXON_FULL_RECHECK.toNanos()) {
            return Math.min(nanos, REFILL.toNanos());
        }
        return nanos;
    }
}
