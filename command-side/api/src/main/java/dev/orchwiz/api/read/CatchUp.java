package dev.orchwiz.api.read;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The one read-your-writes mechanism: every write answers the aggregate version it produced, and a read given that
 * version as {@code minVersion} re-reads the read model (briefly) until it shows that version. Read models follow the
 * event store within milliseconds, so a short bounded wait spares clients their own polling; when it runs out the read
 * answers what it has and says it is behind, rather than fail a request whose write did succeed.
 */
public final class CatchUp {

    /** The response header that tells a client the answer is older than the {@code minVersion} it asked for. */
    public static final String BEHIND_HEADER = "X-Read-Model-Behind";

    /**
     * What the HTTP reads and the writes that answer with the written state wait at most, re-reading every 10 ms (the
     * tool-call writes' pace before they shared this wait, so a request answers no later than it did).
     */
    public static final CatchUp READ_YOUR_WRITES = new CatchUp(Duration.ofSeconds(3), Duration.ofMillis(10));

    private final Duration maxWait;
    private final Duration poll;

    public CatchUp(Duration maxWait, Duration poll) {
        this.maxWait = maxWait;
        this.poll = poll;
    }

    /**
     * What a read found, and whether it is still short of the asked version (absent counts as short: a thing just
     * created may not be in the read model yet).
     */
    public record Read<T>(Optional<T> found, boolean behind) {}

    /**
     * Reads until {@code version} of what is found reaches {@code minVersion}, or the wait runs out. Without a
     * {@code minVersion} it reads once and is never behind.
     */
    public <T> Read<T> read(Supplier<Optional<T>> read, ToLongFunction<T> version, Long minVersion) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<T> found = read.get();
        while (!reached(found, version, minVersion) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(poll.toNanos());
            found = read.get();
        }
        return new Read<>(found, !reached(found, version, minVersion));
    }

    private static <T> boolean reached(Optional<T> found, ToLongFunction<T> version, Long minVersion) {
        return minVersion == null
                || found.map(value -> version.applyAsLong(value) >= minVersion).orElse(false);
    }
}
