package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDeliveryId;
import dev.orchwiz.api.hook.HookId;

public record HookDeliveryDeadLettered(HookDeliveryId deliveryId, HookId hookId, int attempts, String reason) {}
