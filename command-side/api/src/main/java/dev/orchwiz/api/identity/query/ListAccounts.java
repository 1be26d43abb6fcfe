package dev.orchwiz.api.identity.query;

public record ListAccounts(int page, int size) {}
