package dev.orchwiz.api.subagent.command;

import dev.orchwiz.api.id.SubagentId;

public record SubagentChanged(SubagentId subagentId, long version) {}
