package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.hook.DeliveryStatus;
import java.time.Instant;
import java.util.List;

/** One signed delivery of a hook event and every attempt made at it. */
public record HookDeliveryView(
        String id,
        String hookId,
        String hookName,
        String webhookId,
        String toolCallId,
        String event,
        DeliveryStatus status,
        List<DeliveryAttemptView> attempts,
        Instant nextAttemptAt,
        Instant createdAt) {}
