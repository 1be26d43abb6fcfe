package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.hook.DeliveryStatus;
import java.time.Instant;
import java.util.List;

public record HookDeliveryView(
        String id,
        String hookId,
        String webhookId,
        String toolCallId,
        String event,
        DeliveryStatus status,
        List<DeliveryAttemptView> attempts,
        Instant nextAttemptAt,
        Instant createdAt) {}
