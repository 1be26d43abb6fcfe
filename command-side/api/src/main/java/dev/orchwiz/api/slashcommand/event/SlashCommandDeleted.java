package dev.orchwiz.api.slashcommand.event;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.UserId;

public record SlashCommandDeleted(SlashCommandId commandId, String name, UserId by) {}
