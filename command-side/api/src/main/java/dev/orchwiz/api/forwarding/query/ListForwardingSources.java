package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListForwardingSources(Actor viewer, int page, int size) implements PagedQuery {}
