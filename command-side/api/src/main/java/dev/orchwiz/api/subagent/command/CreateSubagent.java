package dev.orchwiz.api.subagent.command;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.SubagentDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateSubagent(
        @TargetAggregateIdentifier SubagentId subagentId, Actor actor, SubagentDefinition definition) {}
