package dev.orchwiz.api.slashcommand.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListSlashCommands(Actor viewer, String text, Boolean shared, Boolean mine, int page, int size)
        implements PagedQuery {}
