package dev.orchwiz.api.forwarding.event;

/** The node's first signing key; {@code publicKey} is the raw ed25519 key, base64. */
public record NodeKeyMade(String keysId, String nodeId, String keyId, String publicKey) {}
