package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.UserId;

public record UserEmailVerified(UserId userId, String email) {}
