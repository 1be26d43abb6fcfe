package dev.orchwiz.api.slashcommand.query;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.identity.Actor;

public record FindSlashCommand(Actor viewer, SlashCommandId commandId) {}
