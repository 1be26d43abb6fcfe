package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;

public record ListForwardingPeers(Actor viewer, int page, int size) {}
