package dev.orchwiz.api.forwarding.query;

/** A registered peer with this node id or this URL, if any: a node is sent to once. */
public record FindForwardingPeerClash(String nodeId, String url) {}
