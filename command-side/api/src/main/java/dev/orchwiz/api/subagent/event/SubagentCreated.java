package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.SubagentId;

public record SubagentCreated(SubagentId subagentId, UserId ownerId, SubagentDefinition definition, UserId by) {}
