package dev.orchwiz.api.run.query;

import java.math.BigDecimal;

/** The runs, calls, tokens, cost and mean latency of one model, tool or day. */
public record UsageRow(
        String key,
        long runs,
        long calls,
        long inputTokens,
        long outputTokens,
        BigDecimal cost,
        long avgLatencyMillis) {}
