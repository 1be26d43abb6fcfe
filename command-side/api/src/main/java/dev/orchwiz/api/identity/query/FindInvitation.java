package dev.orchwiz.api.identity.query;

public record FindInvitation(String email) {}
