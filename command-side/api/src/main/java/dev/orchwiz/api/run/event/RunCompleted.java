package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import java.math.BigDecimal;

/** The model gave its final answer. */
public record RunCompleted(
        RunId runId, String answer, long inputTokens, long outputTokens, BigDecimal cost, int steps) {}
