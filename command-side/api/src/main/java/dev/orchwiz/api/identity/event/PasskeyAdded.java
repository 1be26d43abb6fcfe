package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.UserId;

public record PasskeyAdded(UserId userId, String credentialId, String label) {}
