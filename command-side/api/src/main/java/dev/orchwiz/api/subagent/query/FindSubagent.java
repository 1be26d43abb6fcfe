package dev.orchwiz.api.subagent.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.SubagentId;

public record FindSubagent(Actor viewer, SubagentId subagentId) {}
