package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDeliveryId;
import dev.orchwiz.api.hook.HookId;
import java.time.Instant;

public record HookDeliveryRetryScheduled(HookDeliveryId deliveryId, HookId hookId, Instant nextAttemptAt) {}
