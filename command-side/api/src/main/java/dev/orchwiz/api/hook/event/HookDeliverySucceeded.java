package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDeliveryId;
import dev.orchwiz.api.hook.HookId;

public record HookDeliverySucceeded(HookDeliveryId deliveryId, HookId hookId, int attempt) {}
