package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.read.PagedQuery;

public record ListAccounts(int page, int size) implements PagedQuery {}
