package dev.orchwiz.api.run.query;

import java.util.List;

/** The trace of a run: its spans as a tree by {@code parentSpanId}, in start order. */
public record TraceView(String traceId, String runId, String sessionId, List<SpanView> spans) {}
