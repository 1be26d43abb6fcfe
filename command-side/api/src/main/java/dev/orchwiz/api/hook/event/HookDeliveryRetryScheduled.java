package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import java.time.Instant;

public record HookDeliveryRetryScheduled(HookDeliveryId deliveryId, HookId hookId, Instant nextAttemptAt) {}
