package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.subagent.SubagentDefinition;

public record SubagentRevised(SubagentId subagentId, SubagentDefinition definition, UserId by) {}
