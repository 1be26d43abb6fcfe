package dev.orchwiz.api.identity.query;

public record FindApiTokenByHash(String hash) {}
