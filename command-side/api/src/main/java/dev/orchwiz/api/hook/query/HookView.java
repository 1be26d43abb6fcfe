package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import java.time.Instant;

public record HookView(
        String id,
        String name,
        HookEventName event,
        String matcher,
        HookType type,
        String url,
        String command,
        String sessionId,
        String subagentId,
        Integer timeoutSeconds,
        boolean active,
        HookFailurePolicy onFailure,
        String ownerId,
        long deliveries,
        long failures,
        Instant lastDeliveryAt,
        Instant createdAt,
        long version) {}
