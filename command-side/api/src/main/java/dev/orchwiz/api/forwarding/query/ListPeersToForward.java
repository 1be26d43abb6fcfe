package dev.orchwiz.api.forwarding.query;

/** Every registered peer, paused or not, for the outboxes; asked by the node itself, never answered over HTTP. */
public record ListPeersToForward() {}
