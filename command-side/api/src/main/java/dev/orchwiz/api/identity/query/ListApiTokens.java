package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.read.PagedQuery;

/** The owner's tokens that are not revoked, newest first. */
public record ListApiTokens(UserId owner, int page, int size) implements PagedQuery {}
