package dev.orchwiz.api.identity.query;

public record ListInvitations(int page, int size) {}
