package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record PasskeyRemoved(UserId userId, String credentialId, UserId by) {}
