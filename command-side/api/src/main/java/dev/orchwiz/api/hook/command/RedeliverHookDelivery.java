package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RedeliverHookDelivery(
        @TargetAggregateIdentifier HookDeliveryId deliveryId, Actor actor) {}
