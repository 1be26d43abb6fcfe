package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;

public record HookDeliverySucceeded(HookDeliveryId deliveryId, HookId hookId, int attempt) {}
