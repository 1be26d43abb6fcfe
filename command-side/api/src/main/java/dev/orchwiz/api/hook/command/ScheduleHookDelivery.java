package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.hook.HookDeliveryId;
import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.toolcall.ToolCallId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleHookDelivery(
        @TargetAggregateIdentifier HookDeliveryId deliveryId,
        HookId hookId,
        UserId ownerId,
        ToolCallId toolCallId,
        String eventType,
        String body) {}
