package dev.orchwiz.api.slashcommand.command;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteSlashCommand(@TargetAggregateIdentifier SlashCommandId commandId, Actor actor) {}
