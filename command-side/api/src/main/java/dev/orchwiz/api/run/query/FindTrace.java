package dev.orchwiz.api.run.query;

import dev.orchwiz.api.identity.Actor;

public record FindTrace(Actor viewer, String traceId) {}
