package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.id.UserId;

public record NodeKeyRevoked(String keysId, String nodeId, String keyId, UserId by) {}
