package dev.orchwiz.command.forwarding.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts one batch to a peer's {@code /api/forwarding/events}, signed Standard-Webhooks style, and says what the
 * answer means: 2xx and 409 (the peer has it) delivered; network failures, 5xx, 408 and 429 worth retrying; any other
 * status a refusal that retrying would not change. Redirects are not followed: a signed batch goes where the admin
 * registered it, or nowhere.
 */
@Component
class PeerDelivery {

    /** Enough of a peer's answer to tell an operator why; problem+json fits in it. */
    private static final int MAX_ERROR = 500;

    enum Verdict {
        DELIVERED,
        RETRY,
        REFUSED
    }

    /** {@code retryAfter}: the peer's Retry-After, when it sent one. */
    record Outcome(Verdict verdict, Integer status, String error, Duration retryAfter) {

        static Outcome retry(Integer status, String error) {
            return new Outcome(Verdict.RETRY, status, error, null);
        }
    }

    private final NodeSignature signature;
    private final Duration timeout;
    private final String userAgent;
    private final HttpClient client;

    PeerDelivery(
            NodeSignature signature,
            @Value("${orchwiz.forwarding.outbound.request-timeout:PT30S}") Duration timeout,
            @Value("${orchwiz.version:dev}") String version) {
        this.signature = signature;
        this.timeout = timeout;
        this.userAgent = "OrchWiz/" + version;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static String eventsUrl(String peerUrl) {
        return peerUrl + "/api/forwarding/events";
    }

    Outcome send(String peerUrl, OutgoingBatch batch) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        NodeSignature.Signed signed;
        try {
            signed = signature.sign(batch.webhookId(), timestamp, batch.body());
        } catch (IllegalStateException unsigned) {
            return Outcome.retry(null, "not signed: " + unsigned.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(eventsUrl(peerUrl)))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", userAgent)
                .header("webhook-id", batch.webhookId())
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signed.signature())
                .header("orchwiz-origin", signed.origin())
                .header("orchwiz-key-id", signed.keyId())
                .header("orchwiz-seq-range", batch.fromSeq() + "-" + batch.toSeq())
                .header("traceparent", traceparent(batch.traceId()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build();
        HttpResponse<InputStream> response;
        String answer;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                answer = new String(body.readNBytes(MAX_ERROR), StandardCharsets.UTF_8);
            }
        } catch (IOException unreachable) {
            return Outcome.retry(null, "network: " + describe(unreachable));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return Outcome.retry(null, "interrupted while sending");
        }
        int status = response.statusCode();
        if (status / 100 == 2 || status == 409) {
            return new Outcome(Verdict.DELIVERED, status, null, null);
        }
        String error = "HTTP " + status + (answer.isBlank() ? "" : ": " + plain(answer));
        if (status == 408 || status == 429 || status >= 500) {
            return new Outcome(
                    Verdict.RETRY,
                    status,
                    error,
                    retryAfter(response.headers().firstValue("retry-after").orElse(null)));
        }
        return new Outcome(Verdict.REFUSED, status, error, null);
    }

    /** A new span per attempt under the batch's trace, so the peer's handling of every attempt joins one trace. */
    private static String traceparent(String traceId) {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    static String newTraceId() {
        byte[] trace = new byte[16];
        ThreadLocalRandom.current().nextBytes(trace);
        return HexFormat.of().formatHex(trace);
    }

    /** Retry-After in seconds (the HTTP-date form is rare from APIs and is ignored: the backoff applies). */
    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : " " + plain(message));
    }

    /** The peer's words on one line, as an operator reads them: no control characters, bounded. */
    static String plain(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > MAX_ERROR ? line.substring(0, MAX_ERROR) : line;
    }
}
