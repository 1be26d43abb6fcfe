package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.id.UserId;

/** The owner's tokens that are not revoked, newest first. */
public record ListApiTokens(UserId owner, int page, int size) {}
