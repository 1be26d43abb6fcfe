package dev.orchwiz.api.run.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One span of a trace, OpenTelemetry-shaped, with the events that recorded it. */
public record SpanView(
        String spanId,
        String parentSpanId,
        String name,
        String kind,
        Instant startedAt,
        Instant endedAt,
        Long durationMillis,
        Map<String, Object> attributes,
        List<String> eventIds) {}
