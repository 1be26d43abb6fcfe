package dev.orchwiz.command.run;

import io.opentelemetry.sdk.trace.IdGenerator;

/** Trace and span ids in OpenTelemetry's shape (32 and 16 lower-case hex digits), from its own generator. */
final class TraceIds {

    private static final IdGenerator IDS = IdGenerator.random();

    private TraceIds() {}

    static String traceId() {
        return IDS.generateTraceId();
    }

    static String spanId() {
        return IDS.generateSpanId();
    }
}
