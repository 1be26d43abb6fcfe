package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.DeliveryAttemptOutcome;
import dev.orchwiz.api.hook.HookDeliveryId;
import dev.orchwiz.api.hook.HookId;
import java.time.Instant;

public record HookDeliveryAttempted(
        HookDeliveryId deliveryId,
        HookId hookId,
        int attempt,
        DeliveryAttemptOutcome outcome,
        Integer responseCode,
        long durationMs,
        String error,
        Instant at) {}
