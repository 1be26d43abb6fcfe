package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.hook.DeliveryAttemptOutcome;
import java.time.Instant;

public record DeliveryAttemptView(
        int number, Instant at, DeliveryAttemptOutcome outcome, Integer responseCode, long durationMs, String error) {}
