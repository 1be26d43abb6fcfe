package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.subagent.SubagentId;

public record FindMatchingHooks(
        UserId ownerId, HookEventName event, String tool, SessionId sessionId, SubagentId subagentId) {}
