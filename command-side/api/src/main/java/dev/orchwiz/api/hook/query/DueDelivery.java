package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;

/** A delivery whose next attempt is due; {@code seriesAttempt} counts from the last manual redelivery (for backoff). */
public record DueDelivery(
        HookDeliveryId deliveryId,
        HookId hookId,
        String webhookId,
        String url,
        String body,
        int attempt,
        int seriesAttempt,
        Integer timeoutSeconds) {}
