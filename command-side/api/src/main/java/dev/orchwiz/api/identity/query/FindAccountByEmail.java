package dev.orchwiz.api.identity.query;

/** The account of an address, compared case-insensitively. */
public record FindAccountByEmail(String email) {}
