package dev.orchwiz.api.subagent.query;

import dev.orchwiz.api.identity.Actor;

public record ListSubagents(Actor viewer, String text, int page, int size) {}
