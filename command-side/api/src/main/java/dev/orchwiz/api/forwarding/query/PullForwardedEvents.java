package dev.orchwiz.api.forwarding.query;

import java.time.Instant;
import java.util.Map;

/**
 * A peer's signed pull of this node's events, as received: the raw path and query (what the signature covers), the
 * Standard Webhooks headers by lower-case name, when it arrived, and the client address it came from (the servlet's
 * remote address, which the pull's rate limits key refused requests by). Answered with a {@link PulledBatch}.
 */
public record PullForwardedEvents(
        String rawPath, String rawQuery, Map<String, String> headers, Instant receivedAt, String address) {}
