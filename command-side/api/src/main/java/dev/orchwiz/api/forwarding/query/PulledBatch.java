package dev.orchwiz.api.forwarding.query;

import java.util.Map;

/** The answer to a pull: a batch body signed by this node, and the headers that carry its signature. */
public record PulledBatch(Map<String, String> headers, byte[] body) {}
