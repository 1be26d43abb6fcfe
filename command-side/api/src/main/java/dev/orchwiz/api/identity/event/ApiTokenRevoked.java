package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record ApiTokenRevoked(UserId userId, String tokenId, UserId by) {}
