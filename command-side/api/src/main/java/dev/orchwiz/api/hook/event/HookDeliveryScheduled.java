package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.ToolCallId;
import java.time.Instant;

public record HookDeliveryScheduled(
        HookDeliveryId deliveryId,
        HookId hookId,
        ToolCallId toolCallId,
        String webhookId,
        String eventType,
        String body,
        Instant dueAt) {}
