package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.identity.UserId;

public record FindAccount(UserId userId) {}
