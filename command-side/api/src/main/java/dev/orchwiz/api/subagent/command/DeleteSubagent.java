package dev.orchwiz.api.subagent.command;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteSubagent(@TargetAggregateIdentifier SubagentId subagentId, Actor actor) {}
