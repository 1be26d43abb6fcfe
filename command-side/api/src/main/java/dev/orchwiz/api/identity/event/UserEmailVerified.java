package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record UserEmailVerified(UserId userId, String email) {}
