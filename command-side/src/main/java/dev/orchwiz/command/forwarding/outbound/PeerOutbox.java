package dev.orchwiz.command.forwarding.outbound;

import dev.orchwiz.api.forwarding.query.PeerTarget;
import dev.orchwiz.command.configuration.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's outbox, on its own thread: claims the peer's token, reads this node's events after it, and sends them
 * in batches (bounded in events and bytes), one at a time and in order; on a backlog, while one is on the wire the
 * next is read, made and signed, so that this node's share of the work overlaps the peer's. A batch is retried with backoff until the
 * peer takes it or refuses it for good (then it becomes a dead letter); only then does the token move, in the
 * transaction that records the outcome. A crash between the peer's answer and that commit sends the batch again,
 * which the peer's inbox absorbs: at least once here, exactly once there.
 */
final class PeerOutbox implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PeerOutbox.class);

    /** How long a read waits for new events: the idle cost of an outbox, and the lag it adds at most. */
    private static final int POLL_MILLIS = 100;

    private static final Duration CLAIM_RETRY = Duration.ofSeconds(2);
    private static final Duration CLAIM_EXTENSION = Duration.ofSeconds(3);
    private static final Duration LAG_REFRESH = Duration.ofSeconds(1);

    /** Filtered-out events read in one go at most, so that a narrow filter still moves its token now and then. */
    private static final int MAX_SCANNED = 10_000;

    private final PeerTarget peer;
    private final OutboxParts parts;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final List<Meter> registered = new ArrayList<>();
    private final Counter sent;
    private final Counter deadLettered;
    private final Counter failures;
    private volatile boolean stopping;
    private Thread thread;
    private long position = -1;
    private Instant lagReadAt = Instant.MIN;

    PeerOutbox(PeerTarget peer, OutboxParts parts) {
        this.peer = peer;
        this.parts = parts;
        MeterRegistry meters = parts.meters();
        String tag = peer.nodeId();
        registered.add(Gauge.builder("orchwiz.forwarding.peer.lag", lag, AtomicLong::get)
                .description("Events in this node's store not yet handled by the peer's outbox")
                .tag("peer", tag)
                .register(meters));
        registered.add(Gauge.builder("orchwiz.forwarding.peer.last.success", lastSuccess, AtomicLong::get)
                .description("When the peer last took a batch (unix seconds, 0: not since this node started)")
                .tag("peer", tag)
                .register(meters));
        sent = Counter.builder("orchwiz.forwarding.peer.events")
                .tag("peer", tag)
                .tag("outcome", "sent")
                .register(meters);
        deadLettered = Counter.builder("orchwiz.forwarding.peer.events")
                .tag("peer", tag)
                .tag("outcome", "dead_lettered")
                .register(meters);
        failures = Counter.builder("orchwiz.forwarding.peer.failures")
                .description("Attempts that failed and will be retried (network, 5xx, 408, 429)")
                .tag("peer", tag)
                .register(meters);
        registered.addAll(List.of(sent, deadLettered, failures));
    }

    PeerTarget peer() {
        return peer;
    }

    void start() {
        thread = DaemonThreads.of("forwarding-peer-" + peer.nodeId(), this);
        thread.start();
    }

    /** Asks the outbox to stop; it finishes or abandons its current attempt and releases its claim. */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    void join(Duration atMost) throws InterruptedException {
        if (thread != null) {
            thread.join(atMost.toMillis());
        }
    }

    @Override
    public void run() {
        String peerId = peer.peerId();
        try {
            int failed = 0;
            while (!stopping) {
                Optional<OutboxLedger.Claimed> claimed;
                try {
                    claimed = parts.ledger().claim(peerId);
                } catch (RuntimeException unavailable) {
                    log.warn("Outbox for peer {} cannot claim its token: {}", peer.nodeId(), unavailable.toString());
                    pause(CLAIM_RETRY, false);
                    continue;
                }
                if (claimed.isEmpty()) {
                    // Another node on this database sends to this peer; it is taken over if that node goes.
                    pause(CLAIM_RETRY, false);
                    continue;
                }
                position = OutboxLedger.position(claimed.get().token());
                try (BlockingStream<TrackedEventMessage<?>> stream =
                        parts.events().openStream(claimed.get().token())) {
                    forward(stream);
                    failed = 0;
                } catch (RuntimeException failure) {
                    log.warn(
                            "Outbox for peer {} stopped ({}); it starts again from its token",
                            peer.nodeId(),
                            failure.toString());
                    pause(parts.settings().backoff(failed++, null), false);
                }
            }
        } finally {
            parts.ledger().releaseClaim(peerId);
            registered.forEach(parts.meters()::remove);
        }
    }

    private void forward(BlockingStream<TrackedEventMessage<?>> stream) {
        Instant extendedAt = Instant.now();
        Scanned carry = null;
        Prepared ahead = null;
        while (!stopping) {
            Prepared current = ahead;
            ahead = null;
            if (current == null) {
                Collected batch = collect(stream, carry, POLL_MILLIS);
                if (batch == null) {
                    if (Duration.between(extendedAt, Instant.now()).compareTo(CLAIM_EXTENSION) > 0) {
                        parts.ledger().extendClaim(peer.peerId());
                        extendedAt = Instant.now();
                    }
                    refreshLag(false);
                    continue;
                }
                carry = batch.carry();
                current = prepare(batch);
            }
            if (current.batch() == null) {
                parts.ledger()
                        .skipped(
                                peer.peerId(),
                                current.collected().lastToken(),
                                current.collected().toSeq());
            } else {
                PeerDelivery.Pending pending = parts.delivery()
                        .start(peer.url(), current.batch(), parts.delivery().fresh(current.batch(), current.signed()));
                // Behind on a backlog (this batch is full), the next one is read, made and signed while the peer
                // takes this one, so that the two nodes work at the same time; it goes out only after this one's
                // outcome is recorded: one batch on the wire. Live, it is not: what arrives during the round trip
                // then leaves together in the next batch instead of waiting behind a batch read too early.
                try {
                    Collected next = current.collected().full() ? collect(stream, carry, 0) : null;
                    if (next != null) {
                        carry = next.carry();
                        ahead = prepare(next);
                    }
                } catch (RuntimeException failure) {
                    pending.abandon();
                    throw failure;
                }
                deliver(current, parts.delivery().outcome(pending));
            }
            if (stopping) {
                return;
            }
            extendedAt = Instant.now();
            position = current.collected().toSeq();
            refreshLag(false);
        }
    }

    /** A batch read and ready: its body made and signed ({@code batch} null when the peer's filter left all out). */
    private record Prepared(Collected collected, OutgoingBatch batch, PeerDelivery.Attempt signed) {}

    private Prepared prepare(Collected collected) {
        if (collected.events().isEmpty()) {
            return new Prepared(collected, null, null);
        }
        OutgoingBatch batch = batch(collected);
        return new Prepared(collected, batch, parts.delivery().sign(batch));
    }

    /** One event read from the stream: its JSON for the peer, or null when the peer's filter leaves it out. */
    private record Scanned(TrackedEventMessage<?> message, long seq, byte[] json) {}

    /**
     * Events ready to send and the range of the store they cover; {@code carry} is read but belongs to the next.
     * {@code full}: a bound ended the batch, not the end of what was stored.
     */
    private record Collected(
            List<byte[]> events, long fromSeq, long toSeq, TrackingToken lastToken, Scanned carry, boolean full) {}

    /** The next batch, waiting up to {@code waitMillis} for a first event; null when none came. */
    private Collected collect(BlockingStream<TrackedEventMessage<?>> stream, Scanned carry, int waitMillis) {
        Scanned next = carry;
        if (next == null) {
            if (!hasNext(stream, waitMillis)) {
                return null;
            }
            next = scan(next(stream));
        }
        List<byte[]> events = new ArrayList<>();
        long fromSeq = next.seq();
        long toSeq = next.seq();
        TrackingToken lastToken = null;
        int bytes = 256;
        int scanned = 0;
        while (true) {
            if (next.json() != null) {
                boolean full = events.size() >= parts.settings().batchEvents()
                        || bytes + next.json().length + 1 > parts.settings().batchBytes();
                if (full && !events.isEmpty()) {
                    return new Collected(events, fromSeq, toSeq, lastToken, next, true);
                }
                events.add(next.json());
                bytes += next.json().length + 1;
            }
            toSeq = next.seq();
            lastToken = next.message().trackingToken();
            scanned++;
            if (scanned >= MAX_SCANNED) {
                return new Collected(events, fromSeq, toSeq, lastToken, null, true);
            }
            if (!hasNext(stream, 0)) {
                return new Collected(events, fromSeq, toSeq, lastToken, null, false);
            }
            next = scan(next(stream));
        }
    }

    private static TrackedEventMessage<?> next(BlockingStream<TrackedEventMessage<?>> stream) {
        try {
            return stream.nextAvailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading events", interrupted);
        }
    }

    private static boolean hasNext(BlockingStream<TrackedEventMessage<?>> stream, int waitMillis) {
        try {
            return waitMillis == 0
                    ? stream.hasNextAvailable()
                    : stream.hasNextAvailable(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Scanned scan(TrackedEventMessage<?> message) {
        long seq = OutboxLedger.position(message.trackingToken());
        if (!OutgoingEvents.wanted(OutgoingEvents.type(message), peer.eventTypes())) {
            return new Scanned(message, seq, null);
        }
        byte[] json = parts.json().writeValueAsBytes(parts.outgoing().event(message, seq, peer.redaction()));
        return new Scanned(message, seq, json);
    }

    private OutgoingBatch batch(Collected collected) {
        String origin = parts.signature().origin();
        return new OutgoingBatch(
                OutgoingBatch.webhookId(origin, collected.fromSeq(), collected.toSeq()),
                collected.fromSeq(),
                collected.toSeq(),
                collected.events().size(),
                OutgoingBatch.body(parts.json(), origin, collected.fromSeq(), collected.toSeq(), collected.events()),
                PeerDelivery.newTraceId());
    }

    /** Records the first attempt's outcome, retrying with backoff until the peer takes the batch or refuses it. */
    private void deliver(Prepared prepared, PeerDelivery.Outcome first) {
        Collected collected = prepared.collected();
        OutgoingBatch batch = prepared.batch();
        PeerDelivery.Outcome outcome = first;
        int attempt = 0;
        while (true) {
            switch (outcome.verdict()) {
                case DELIVERED -> {
                    parts.ledger().delivered(peer.peerId(), collected.lastToken(), batch);
                    sent.increment(batch.events());
                    lastSuccess.set(Instant.now().getEpochSecond());
                    return;
                }
                case REFUSED -> {
                    parts.ledger().deadLettered(peer.peerId(), collected.lastToken(), batch, outcome);
                    deadLettered.increment(batch.events());
                    log.warn(
                            "Peer {} refused batch {} for good ({}); it is a dead letter",
                            peer.nodeId(),
                            batch.webhookId(),
                            outcome.status());
                    return;
                }
                case RETRY -> {
                    parts.ledger().failed(peer.peerId(), outcome);
                    failures.increment();
                    Duration wait = parts.settings().backoff(attempt, outcome.retryAfter());
                    if (attempt == 0 || attempt % 10 == 0) {
                        log.warn(
                                "Peer {} did not take batch {} (attempt {}: {}); retrying in {} ms",
                                peer.nodeId(),
                                batch.webhookId(),
                                attempt + 1,
                                outcome.status() == null ? "network" : outcome.status(),
                                wait.toMillis());
                    }
                    attempt++;
                    refreshLag(true);
                    pause(wait, true);
                }
            }
            if (stopping) {
                return;
            }
            outcome = parts.delivery().send(peer.url(), batch);
        }
    }

    private void refreshLag(boolean now) {
        if (now || Duration.between(lagReadAt, Instant.now()).compareTo(LAG_REFRESH) > 0) {
            lag.set(Math.max(0, parts.ledger().head() - position));
            lagReadAt = Instant.now();
        }
    }

    /** Waits, in short steps so that a stop is quick, keeping the claim alive when one is held. */
    private void pause(Duration wait, boolean holdingClaim) {
        Instant until = Instant.now().plus(wait);
        Instant extendedAt = Instant.now();
        while (!stopping && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(Math.min(
                        200, Math.max(1, Duration.between(Instant.now(), until).toMillis())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            if (holdingClaim && Duration.between(extendedAt, Instant.now()).compareTo(CLAIM_EXTENSION) > 0) {
                parts.ledger().extendClaim(peer.peerId());
                extendedAt = Instant.now();
            }
        }
    }
}
