package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.identity.Actor;

public record FindHookDelivery(Actor viewer, HookDeliveryId deliveryId) {}
