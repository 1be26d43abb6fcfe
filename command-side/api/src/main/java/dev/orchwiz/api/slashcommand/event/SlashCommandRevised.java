package dev.orchwiz.api.slashcommand.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.SlashCommandId;

public record SlashCommandRevised(SlashCommandId commandId, SlashCommandDefinition definition, UserId by) {}
