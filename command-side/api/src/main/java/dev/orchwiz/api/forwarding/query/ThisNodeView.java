package dev.orchwiz.api.forwarding.query;

import java.util.List;

/** Empty key fields until the node made its first key (on its first start). */
public record ThisNodeView(String nodeId, String keyId, String publicKey, long position, List<NodeKeyView> keys) {}
