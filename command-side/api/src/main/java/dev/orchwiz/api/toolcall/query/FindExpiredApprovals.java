package dev.orchwiz.api.toolcall.query;

import java.time.Instant;

public record FindExpiredApprovals(Instant now, int limit) {}
