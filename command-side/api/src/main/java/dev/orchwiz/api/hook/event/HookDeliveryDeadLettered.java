package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;

public record HookDeliveryDeadLettered(HookDeliveryId deliveryId, HookId hookId, int attempts, String reason) {}
