package dev.orchwiz.api.subagent.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.SubagentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteSubagent(@TargetAggregateIdentifier SubagentId subagentId, Actor actor) {}
