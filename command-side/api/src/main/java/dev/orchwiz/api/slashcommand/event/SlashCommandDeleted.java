package dev.orchwiz.api.slashcommand.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.slashcommand.SlashCommandId;

public record SlashCommandDeleted(SlashCommandId commandId, String name, UserId by) {}
