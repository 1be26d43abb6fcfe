package dev.orchwiz.api.forwarding.query;

/** The peer registered under a node id, asked when that node pulls events; answered with its {@link ForwardingPeerView} (its pinned key, filter and redaction). */
public record FindPullingPeer(String nodeId) {}
