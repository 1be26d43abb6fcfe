package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;

public record ListForwardingSources(Actor viewer, int page, int size) {}
