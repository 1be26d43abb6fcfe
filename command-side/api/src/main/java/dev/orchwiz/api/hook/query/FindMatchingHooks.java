package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;

public record FindMatchingHooks(
        UserId ownerId, HookEventName event, String tool, SessionId sessionId, SubagentId subagentId) {}
