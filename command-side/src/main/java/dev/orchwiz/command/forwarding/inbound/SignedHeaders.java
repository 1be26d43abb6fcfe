package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.forwarding.ForwardingError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every signed forwarding request passes before its signature is even tried, the same for a pushed batch
 * and for a pull an origin serves: the headers are there and plain, numbers are numbers, and the timestamp is within
 * {@link #TOLERANCE} of this node's clock. Each failure is a refusal with a stable code (400 or 401).
 */
public final class SignedHeaders {

    private static final Logger log = LoggerFactory.getLogger(SignedHeaders.class);

    /** Standard Webhooks' tolerance; nodes run NTP. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** What a signed batch or pull carries: Standard Webhooks' three headers and the sender's node id. */
    public static final List<String> BATCH_HEADERS =
            List.of("webhook-id", "webhook-timestamp", "webhook-signature", "orchwiz-origin");

    private static final int MAX_HEADER = 200;

    private SignedHeaders() {}

    /** What a pull's signature covers: its method and its path with the query, raw, as sent and as received. */
    public static byte[] signedPull(String rawPath, String rawQuery) {
        return ("GET " + rawPath + "?" + (rawQuery == null ? "" : rawQuery))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every named header is present, not blank, printable ASCII and of a sane length. */
    public static void assertPresent(UnaryOperator<String> header, List<String> names) {
        List<String> missing = names.stream()
                .filter(name -> Optional.ofNullable(header.apply(name))
                        .map(String::isBlank)
                        .orElse(true))
                .toList();
        if (!missing.isEmpty()) {
            throw new InboundRefusal(ForwardingError.MISSING_HEADER, "Missing headers: " + String.join(", ", missing));
        }
        for (String name : names) {
            String value = header.apply(name);
            if (value.length() > (name.endsWith("signature") ? 4 * MAX_HEADER : MAX_HEADER)
                    || value.chars().anyMatch(c -> c < ' ' || c > '~')) {
                throw new InboundRefusal(ForwardingError.MISSING_HEADER, name + " is not a plain header value");
            }
        }
    }

    public static long number(String text, String name) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new InboundRefusal(ForwardingError.MISSING_HEADER, name + " is not a number");
        }
    }

    /** Standard Webhooks' timestamp (unix seconds) in milliseconds, saturating instead of overflowing. */
    public static long millis(long seconds) {
        try {
            return Math.multiplyExact(seconds, 1000);
        } catch (ArithmeticException beyondTime) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public static void assertFresh(long sentMillis, Instant now, String sender) {
        long drift;
        try {
            drift = Math.absExact(Math.subtractExact(now.toEpochMilli(), sentMillis));
        } catch (ArithmeticException beyondTime) {
            drift = Long.MAX_VALUE;
        }
        if (drift > TOLERANCE.toMillis()) {
            throw refused(
                    ForwardingError.STALE_TIMESTAMP,
                    sender,
                    "The request's timestamp is more than " + TOLERANCE.toSeconds() + " s away from this node's clock");
        }
    }

    /** Logs a refusal with the sender's claimed id and the code only: never a key, signature or body. */
    public static RuntimeException refused(ForwardingError error, String sender, String detail) {
        log.info("Refused forwarding request from node {}: {}", sender, error.code());
        return new InboundRefusal(error, detail);
    }
}
