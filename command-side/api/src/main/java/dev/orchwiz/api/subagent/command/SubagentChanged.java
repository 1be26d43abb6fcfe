package dev.orchwiz.api.subagent.command;

import dev.orchwiz.api.subagent.SubagentId;

public record SubagentChanged(SubagentId subagentId, long version) {}
