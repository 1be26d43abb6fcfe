package dev.orchwiz.api.toolcall.query;

import java.time.Instant;

public record ApprovalView(String decision, String decidedBy, String comment, Instant decidedAt, Instant expiresAt) {}
