package dev.orchwiz.api.hook;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.toolcall.HookFailurePolicy;

/** A hook as its owner defines it; {@code onFailure} is {@code null} in events stored before it existed (block). */
public record HookDefinition(
        String name,
        HookEventName event,
        String matcher,
        HookType type,
        String url,
        String command,
        SessionId sessionId,
        SubagentId subagentId,
        Integer timeoutSeconds,
        boolean active,
        HookFailurePolicy onFailure) {}
