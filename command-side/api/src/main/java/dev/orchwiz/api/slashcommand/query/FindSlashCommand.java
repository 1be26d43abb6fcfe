package dev.orchwiz.api.slashcommand.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.SlashCommandId;

public record FindSlashCommand(Actor viewer, SlashCommandId commandId) {}
