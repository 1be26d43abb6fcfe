package dev.orchwiz.api.slashcommand.query;

import dev.orchwiz.api.identity.Actor;

public record ListSlashCommands(Actor viewer, String text, Boolean shared, Boolean mine, int page, int size) {}
