package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.read.PagedQuery;

public record ListInvitations(int page, int size) implements PagedQuery {}
