package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListForwardingPeers(Actor viewer, int page, int size) implements PagedQuery {}
