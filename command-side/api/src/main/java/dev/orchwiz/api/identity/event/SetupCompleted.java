package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.UserId;

public record SetupCompleted(String nodeId, UserId admin, String email) {}
