package dev.orchwiz.api.slashcommand.event;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.slashcommand.SlashCommandDefinition;

public record SlashCommandDefined(
        SlashCommandId commandId, UserId ownerId, SlashCommandDefinition definition, UserId by) {}
