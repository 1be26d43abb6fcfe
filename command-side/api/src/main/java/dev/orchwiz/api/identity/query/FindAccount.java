package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.id.UserId;

public record FindAccount(UserId userId) {}
