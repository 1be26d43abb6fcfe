package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.subagent.SubagentDefinition;

public record SubagentCreated(SubagentId subagentId, UserId ownerId, SubagentDefinition definition, UserId by) {}
