package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.subagent.SubagentId;

public record SubagentDeleted(SubagentId subagentId, String name, UserId by) {}
