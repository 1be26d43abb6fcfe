package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDeliveryId;
import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.identity.UserId;

public record HookRedeliveryRequested(HookDeliveryId deliveryId, HookId hookId, UserId by) {}
