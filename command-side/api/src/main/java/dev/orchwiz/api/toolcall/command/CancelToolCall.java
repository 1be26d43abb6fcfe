package dev.orchwiz.api.toolcall.command;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelToolCall(@TargetAggregateIdentifier ToolCallId toolCallId, Actor actor) {}
