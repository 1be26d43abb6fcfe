package dev.orchwiz.command.hook.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * What one delivery attempt did, as recorded on the delivery.
 *
 * @param responseCode {@code null} when no response arrived (refused, network error, timeout)
 * @param duration wall time of the attempt, measured on a monotonic clock
 * @param error {@code null} when delivered; otherwise a sentence that never contains the secret
 * @param responseBody the first 4 KiB of the response as UTF-8 (a character cut at the limit shows as U+FFFD); {@code
 *     null} without a response
 */
public record AttemptResult(
        AttemptOutcome outcome, Integer responseCode, Duration duration, String error, String responseBody) {

    public AttemptResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        if ((outcome == AttemptOutcome.DELIVERED) != (error == null)) {
            throw new IllegalArgumentException("an attempt has an error exactly when it was not delivered");
        }
    }

    public boolean delivered() {
        return outcome == AttemptOutcome.DELIVERED;
    }
}
