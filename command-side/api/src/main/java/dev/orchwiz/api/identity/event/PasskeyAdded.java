package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record PasskeyAdded(UserId userId, String credentialId, String label) {}
