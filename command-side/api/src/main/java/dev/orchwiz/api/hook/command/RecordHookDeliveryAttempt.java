package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.hook.DeliveryAttemptOutcome;
import dev.orchwiz.api.id.HookDeliveryId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordHookDeliveryAttempt(
        @TargetAggregateIdentifier HookDeliveryId deliveryId,
        int attempt,
        DeliveryAttemptOutcome outcome,
        Integer responseCode,
        long durationMs,
        String error,
        Instant nextAttemptAt) {}
