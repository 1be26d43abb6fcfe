package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.SubagentId;

public record SubagentRevised(SubagentId subagentId, SubagentDefinition definition, UserId by) {}
