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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

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
    /**
     * Built on the first delivery: the first client of the JVM parses the JDK's trust store (~0.2 CPU s), which a
     * node's start need not pay while it has no peer.
     */
    private final SingletonSupplier<HttpClient> client;

    PeerDelivery(
            NodeSignature signature,
            @Value("${orchwiz.forwarding.outbound.request-timeout:PT30S}") Duration timeout,
            @Value("${orchwiz.version:dev}") String version) {
        this.signature = signature;
        this.timeout = timeout;
        this.userAgent = "OrchWiz/" + version;
        this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    static String eventsUrl(String peerUrl) {
        return peerUrl + "/api/forwarding/events";
    }

    /**
     * An attempt signed and ready to go. The signature covers the timestamp, so an attempt signed ahead (while the
     * previous batch was in flight) is used only while it is {@link #PRESIGNED_FOR fresh}; {@code unsigned} holds
     * the outcome when this node could not sign.
     */
    record Attempt(String timestamp, Instant signedAt, NodeSignature.Signed signed, Outcome unsigned) {}

    /** An attempt on the wire: its answer, read with {@link #outcome}. */
    record Pending(CompletableFuture<HttpResponse<InputStream>> response, Outcome known) {

        /** Gives up on the answer (the outbox stops): the request is cancelled and a late answer's body closed. */
        void abandon() {
            if (response != null) {
                response.whenComplete((answer, failure) -> {
                    if (answer != null) {
                        closeQuietly(answer.body());
                    }
                });
                response.cancel(true);
            }
        }
    }

    /**
     * How long a signature made ahead is still used: well inside a receiver's 300 s window, so that a clock a little
     * off on either side does not turn the first attempt into a refusal.
     */
    static final Duration PRESIGNED_FOR = Duration.ofSeconds(30);

    /** One attempt, from signing to the classified answer (a dead letter's retry, a batch's retries). */
    Outcome send(String peerUrl, OutgoingBatch batch) {
        return outcome(start(peerUrl, batch, sign(batch)));
    }

    Attempt sign(OutgoingBatch batch) {
        Instant now = Instant.now();
        String timestamp = Long.toString(now.getEpochSecond());
        try {
            return new Attempt(timestamp, now, signature.sign(batch.webhookId(), timestamp, batch.body()), null);
        } catch (IllegalStateException unsigned) {
            return new Attempt(timestamp, now, null, Outcome.retry(null, "not signed: " + unsigned.getMessage()));
        }
    }

    /** {@code signed} if it is still fresh, else a new signature. */
    Attempt fresh(OutgoingBatch batch, Attempt signed) {
        return signed.signedAt().plus(PRESIGNED_FOR).isAfter(Instant.now()) ? signed : sign(batch);
    }

    /** Puts the attempt on the wire without waiting for the answer. */
    Pending start(String peerUrl, OutgoingBatch batch, Attempt attempt) {
        if (attempt.unsigned() != null) {
            return new Pending(null, attempt.unsigned());
        }
        NodeSignature.Signed signed = attempt.signed();
        HttpRequest request = HttpRequest.newBuilder(URI.create(eventsUrl(peerUrl)))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", userAgent)
                .header("webhook-id", batch.webhookId())
                .header("webhook-timestamp", attempt.timestamp())
                .header("webhook-signature", signed.signature())
                .header("orchwiz-origin", signed.origin())
                .header("orchwiz-key-id", signed.keyId())
                .header("orchwiz-seq-range", batch.fromSeq() + "-" + batch.toSeq())
                .header("traceparent", traceparent(batch.traceId()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build();
        return new Pending(client.obtain().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), null);
    }

    /** Waits for the peer's answer to an attempt and says what it means. */
    Outcome outcome(Pending pending) {
        if (pending.known() != null) {
            return pending.known();
        }
        HttpResponse<InputStream> response;
        String answer;
        try {
            response = pending.response().get();
            try (InputStream body = response.body()) {
                answer = new String(body.readNBytes(MAX_ERROR), StandardCharsets.UTF_8);
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException unreachable) {
                return Outcome.retry(null, "network: " + describe(unreachable));
            }
            if (failed.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new IllegalStateException("sending failed", failed.getCause());
        } catch (IOException unreachable) {
            return Outcome.retry(null, "network: " + describe(unreachable));
        } catch (CancellationException | InterruptedException stopping) {
            if (stopping instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            pending.abandon();
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

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
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
