package dev.orchwiz.command.forwarding.outbound;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How outboxes batch and back off ({@code orchwiz.forwarding.outbound.*}). */
@Component
class OutboxSettings {

    private final int batchEvents;
    private final int batchBytes;
    private final Duration backoffInitial;
    private final Duration backoffMax;

    OutboxSettings(
            @Value("${orchwiz.forwarding.outbound.batch-events:500}") int batchEvents,
            @Value("${orchwiz.forwarding.outbound.batch-bytes:1048576}") int batchBytes,
            @Value("${orchwiz.forwarding.outbound.backoff-initial:PT1S}") Duration backoffInitial,
            @Value("${orchwiz.forwarding.outbound.backoff-max:PT5M}") Duration backoffMax) {
        if (batchEvents < 1
                || batchBytes < 1024
                || backoffInitial.isNegative()
                || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("orchwiz.forwarding.outbound: batch-events must be at least 1,"
                    + " batch-bytes at least 1024, and 0 <= backoff-initial <= backoff-max");
        }
        this.batchEvents = batchEvents;
        this.batchBytes = batchBytes;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
    }

    int batchEvents() {
        return batchEvents;
    }

    int batchBytes() {
        return batchBytes;
    }

    /**
     * The wait before retry {@code attempt} (0 for the first): doubling from the initial delay up to the maximum, each
     * drawn between half and all of it so that outboxes failing together do not retry together. A peer's Retry-After
     * wins, up to an hour.
     */
    Duration backoff(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : retryAfter;
        }
        long initial = Math.max(1, backoffInitial.toMillis());
        long ceiling = backoffMax.toMillis();
        long full = Math.min(ceiling, initial << Math.min(attempt, 30));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }
}
