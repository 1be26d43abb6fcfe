package dev.orchwiz.command.execution.sandbox;

import dev.orchwiz.command.configuration.DaemonThreads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns the bytes of both output streams into sequenced, capped UTF-8 chunks for one sink.
 *
 * <p>Every method and every sink call runs under this object's monitor: the sink sees one call at a time and the
 * sequence numbers follow the order of the calls. Readers keep calling {@link #accept} past the cap, so the child never
 * blocks on a full pipe; those bytes are only counted.
 */
final class ChunkedOutput {

    // One shared timer for every run's chunk interval: a flush is short, and a thread per run would be idle anyway.
    private static final ScheduledExecutorService FLUSH_TIMER = flushTimer();

    private final OutputSink sink;
    private final long capBytes;
    private final int chunkBytes;
    private final long intervalNanos;
    private final Pending stdout = new Pending(OutputStream.STDOUT);
    private final Pending stderr = new Pending(OutputStream.STDERR);

    private long keptBytes;
    private int nextSequence;
    private boolean truncated;
    private boolean finished;
    private RuntimeException sinkFailure;

    ChunkedOutput(OutputSink sink, long capBytes, int chunkBytes, Duration chunkInterval) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.capBytes = capBytes;
        this.chunkBytes = chunkBytes;
        this.intervalNanos = chunkInterval.toNanos();
    }

    /** Takes {@code length} bytes the child just wrote to {@code stream}; the array may be reused afterwards. */
    synchronized void accept(OutputStream stream, byte[] bytes, int length) {
        if (finished) {
            return;
        }
        Pending pending = pendingOf(stream);
        pending.producedBytes += length;
        if (truncated) {
            return;
        }
        int kept = (int) Math.min(length, Math.max(0, capBytes - keptBytes));
        if (kept > 0) {
            keptBytes += kept;
            pending.append(bytes, kept);
            pending.emitFullChunks();
        }
        if (kept < length) {
            truncate();
        } else {
            pending.armOrDisarmTimer();
        }
    }

    /** Sends whatever is still buffered and stops forwarding: call once both streams reached their end. */
    synchronized void finish() {
        if (finished) {
            return;
        }
        stdout.emitEverything();
        stderr.emitEverything();
        stdout.disarmTimer();
        stderr.disarmTimer();
        finished = true;
    }

    synchronized long producedBytes(OutputStream stream) {
        return pendingOf(stream).producedBytes;
    }

    synchronized boolean truncated() {
        return truncated;
    }

    /** The first exception the sink threw; after it the sink was not called again. */
    synchronized Optional<RuntimeException> sinkFailure() {
        return Optional.ofNullable(sinkFailure);
    }

    private void truncate() {
        truncated = true;
        // Nothing after the cap is ever forwarded, so an incomplete character at the end can never be completed:
        // send what is whole, drop the rest, then tell the sink. Kept text therefore never exceeds the cap.
        for (Pending pending : new Pending[] {stdout, stderr}) {
            pending.emitCompleteCharacters();
            keptBytes -= pending.discard();
            pending.disarmTimer();
        }
        if (sinkFailure == null) {
            try {
                sink.truncated(keptBytes);
            } catch (RuntimeException failure) {
                sinkFailure = failure;
            }
        }
    }

    private synchronized void flushOnTimer(Pending pending, long ticket) {
        // A timer that was cancelled while already waiting for the monitor must not act for its successor.
        if (finished || ticket != pending.timerTicket) {
            return;
        }
        pending.timer = null;
        pending.emitCompleteCharacters();
        pending.armOrDisarmTimer();
    }

    private void send(OutputStream stream, String text) {
        if (sinkFailure != null) {
            return;
        }
        try {
            sink.chunk(stream, nextSequence++, text);
        } catch (RuntimeException failure) {
            // Stop calling a sink that failed: later chunks would leave a gap in what it stored anyway.
            sinkFailure = failure;
        }
    }

    private Pending pendingOf(OutputStream stream) {
        return stream == OutputStream.STDOUT ? stdout : stderr;
    }

    /** Bytes of one stream not yet sent: at most a chunk plus one read. */
    private final class Pending {

        private final OutputStream stream;
        private byte[] buffer = new byte[64];
        private int size;
        private long producedBytes;
        private ScheduledFuture<?> timer;
        private long timerTicket;

        Pending(OutputStream stream) {
            this.stream = stream;
        }

        void append(byte[] bytes, int length) {
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
            }
            System.arraycopy(bytes, 0, buffer, size, length);
            size += length;
        }

        void emitFullChunks() {
            while (size >= chunkBytes) {
                emit(Utf8.cutAtOrBefore(buffer, chunkBytes, size));
            }
        }

        void emitCompleteCharacters() {
            int complete = Utf8.completeLength(buffer, size);
            if (complete > 0) {
                emit(complete);
            }
        }

        /** At the end of the stream an incomplete character will never complete: it is sent as U+FFFD. */
        void emitEverything() {
            if (size > 0) {
                emit(size);
            }
        }

        int discard() {
            int discarded = size;
            size = 0;
            return discarded;
        }

        void armOrDisarmTimer() {
            boolean somethingToSend = Utf8.completeLength(buffer, size) > 0;
            if (somethingToSend && timer == null) {
                long ticket = ++timerTicket;
                timer = FLUSH_TIMER.schedule(() -> flushOnTimer(this, ticket), intervalNanos, TimeUnit.NANOSECONDS);
            } else if (!somethingToSend) {
                disarmTimer();
            }
        }

        void disarmTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
                timerTicket++;
            }
        }

        private void emit(int length) {
            String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
            System.arraycopy(buffer, length, buffer, 0, size - length);
            size -= length;
            send(stream, text);
        }
    }

    private static ScheduledExecutorService flushTimer() {
        ScheduledThreadPoolExecutor timer =
                new ScheduledThreadPoolExecutor(1, new DaemonThreads("sandbox-output-flush"));
        timer.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(timer);
    }
}
