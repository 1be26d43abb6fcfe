package dev.orchwiz.api.slashcommand.command;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.SlashCommandId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteSlashCommand(@TargetAggregateIdentifier SlashCommandId commandId, Actor actor) {}
