package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record SetupCompleted(String nodeId, UserId admin, String email) {}
