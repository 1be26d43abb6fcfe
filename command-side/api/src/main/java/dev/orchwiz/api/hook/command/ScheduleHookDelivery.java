package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleHookDelivery(
        @TargetAggregateIdentifier HookDeliveryId deliveryId,
        HookId hookId,
        UserId ownerId,
        ToolCallId toolCallId,
        String eventType,
        String body) {}
