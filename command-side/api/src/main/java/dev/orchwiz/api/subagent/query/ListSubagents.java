package dev.orchwiz.api.subagent.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListSubagents(Actor viewer, String text, int page, int size) implements PagedQuery {}
