package dev.orchwiz.api.identity.query;

import java.time.Instant;

public record Invitation(String email, String invitedBy, Instant invitedAt) {}
