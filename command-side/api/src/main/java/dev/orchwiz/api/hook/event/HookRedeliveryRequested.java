package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;

public record HookRedeliveryRequested(HookDeliveryId deliveryId, HookId hookId, UserId by) {}
