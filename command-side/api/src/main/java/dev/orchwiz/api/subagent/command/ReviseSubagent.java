package dev.orchwiz.api.subagent.command;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.SubagentDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReviseSubagent(
        @TargetAggregateIdentifier SubagentId subagentId,
        Actor actor,
        Long expectedVersion,
        SubagentDefinition definition) {}
