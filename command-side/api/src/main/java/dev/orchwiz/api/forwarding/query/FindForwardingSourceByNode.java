package dev.orchwiz.api.forwarding.query;

/** The registered source of an origin node id, whether enabled or not. */
public record FindForwardingSourceByNode(String nodeId) {}
