package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;

public record SubagentDeleted(SubagentId subagentId, String name, UserId by) {}
