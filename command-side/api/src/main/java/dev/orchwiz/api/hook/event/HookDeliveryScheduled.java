package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDeliveryId;
import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.toolcall.ToolCallId;
import java.time.Instant;

public record HookDeliveryScheduled(
        HookDeliveryId deliveryId,
        HookId hookId,
        ToolCallId toolCallId,
        String webhookId,
        String eventType,
        String body,
        Instant dueAt) {}
