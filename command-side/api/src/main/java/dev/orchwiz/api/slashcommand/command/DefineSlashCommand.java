package dev.orchwiz.api.slashcommand.command;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DefineSlashCommand(
        @TargetAggregateIdentifier SlashCommandId commandId, Actor actor, SlashCommandDefinition definition) {}
