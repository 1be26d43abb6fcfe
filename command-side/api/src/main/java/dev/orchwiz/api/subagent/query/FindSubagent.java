package dev.orchwiz.api.subagent.query;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;

public record FindSubagent(Actor viewer, SubagentId subagentId) {}
