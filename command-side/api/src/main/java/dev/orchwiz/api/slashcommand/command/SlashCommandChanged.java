package dev.orchwiz.api.slashcommand.command;

import dev.orchwiz.api.id.SlashCommandId;

/** What every slash command write answers: the command and its version after the write. */
public record SlashCommandChanged(SlashCommandId commandId, long version) {}
