package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.DeliveryAttemptOutcome;
import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
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
