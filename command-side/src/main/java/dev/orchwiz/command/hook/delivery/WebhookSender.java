package dev.orchwiz.command.hook.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes one delivery attempt: checks the target against the policy, signs, POSTs, and reports what happened. Retrying
 * is the caller's business (see {@link RetrySchedule}); this class never sleeps and never throws for a request.
 *
 * <p>The target is checked again on every attempt, not only when the hook was saved, because the policy may have been
 * tightened since and because DNS may now answer differently. Checking right before connecting also means the
 * client's own lookup is normally served from the JVM's DNS cache with the addresses just checked; {@link
 * WebhookTargetPolicy} explains what that does not cover.
 *
 * <p>Redirects are never followed: the policy checked this URL, not wherever a receiver points next, and a 3xx to
 * {@code http://169.254.169.254/} is the classic way around an allowlist. No proxy is used for the same reason, since a
 * proxy would resolve and connect on its own terms.
 *
 * <p>The timeout bounds the HTTP exchange only. Resolving the host for the policy check is not bounded by it, since
 * the JDK offers no lookup timeout; a slow resolver delays the attempt by up to the resolver's own timeout.
 *
 * <p>Thread-safe; one instance is meant to be shared so that connections to the same receiver are reused.
 */
public final class WebhookSender {

    static final int RESPONSE_BODY_LIMIT = 4 * 1024;
    static final String USER_AGENT = "OrchWiz-Hooks/1.0";
    static final String REDIRECT_ERROR = "redirects are not followed";

    private final WebhookTargetPolicy policy;
    private final Clock clock;
    /**
     * Built on the first delivery: the first client of the JVM parses the JDK's trust store (~0.2 CPU s), which a
     * node's start need not pay while no hook fires.
     */
    private final SingletonSupplier<HttpClient> client;

    public WebhookSender(WebhookTargetPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                // Plain-http HTTP/2 would send an h2c upgrade request; every webhook receiver speaks HTTP/1.1.
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    public AttemptResult send(DeliveryRequest request) {
        Objects.requireNonNull(request, "request");
        long started = System.nanoTime();
        try {
            return attempt(request, started);
        } catch (RuntimeException unexpected) {
            // A bug here must cost one attempt, not the delivery loop; the attempt is retried like any other failure.
            return failed(
                    request,
                    started,
                    null,
                    "unexpected " + unexpected.getClass().getSimpleName(),
                    null);
        }
    }

    private AttemptResult attempt(DeliveryRequest request, long started) {
        TargetCheck target = policy.check(request.url());
        if (!target.allowed()) {
            return refused(request, started, target.refusal());
        }
        HttpRequest http;
        try {
            http = signedPost(request);
        } catch (IllegalArgumentException unusableUrl) {
            // The policy accepted the URL but the HTTP client cannot use it; no retry will change that.
            return refused(request, started, "URL cannot be requested: " + unusableUrl.getMessage());
        }
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.obtain().sendAsync(http, BoundedBody.handler(RESPONSE_BODY_LIMIT));
        HttpResponse<byte[]> response;
        try {
            // HttpRequest.timeout only covers waiting for the response headers; this deadline bounds the whole
            // attempt, reading the (already size-limited) body included, so a receiver that trickles bytes cannot
            // hold a delivery thread.
            response = pending.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            pending.cancel(true);
            return failed(request, started, null, timedOut(request), null);
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return failed(request, started, null, "interrupted before the receiver answered", null);
        } catch (ExecutionException failure) {
            return failed(request, started, null, describe(failure.getCause(), request), null);
        }
        return answered(request, started, response);
    }

    private HttpRequest signedPost(DeliveryRequest request) {
        // One timestamp per attempt: receivers reject old timestamps, so a retry must not reuse the first one.
        long timestamp = clock.instant().getEpochSecond();
        byte[] body = request.body();
        return HttpRequest.newBuilder(request.url())
                .timeout(request.timeout())
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", request.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignature.sign(request.secret(), request.messageId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private AttemptResult answered(DeliveryRequest request, long started, HttpResponse<byte[]> response) {
        int code = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (code >= 200 && code < 300) {
            return new AttemptResult(AttemptOutcome.DELIVERED, code, since(started), null, body);
        }
        String error = code >= 300 && code < 400 ? REDIRECT_ERROR : "receiver answered " + code;
        return failed(request, started, code, error, body);
    }

    private static String describe(Throwable failure, DeliveryRequest request) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(request);
        }
        if (cause instanceof ConnectException) {
            return "could not connect to " + request.url().getHost() + withMessage(cause);
        }
        if (cause instanceof SSLException) {
            return "TLS failed" + withMessage(cause);
        }
        if (cause instanceof IOException) {
            return "request failed: " + cause.getClass().getSimpleName() + withMessage(cause);
        }
        return "request failed: " + cause.getClass().getSimpleName();
    }

    private static String timedOut(DeliveryRequest request) {
        return "timed out after " + request.timeout().toMillis() + " ms";
    }

    private static String withMessage(Throwable cause) {
        return cause.getMessage() == null || cause.getMessage().isBlank() ? "" : ": " + cause.getMessage();
    }

    private static AttemptResult refused(DeliveryRequest request, long started, String error) {
        return new AttemptResult(AttemptOutcome.REFUSED, null, since(started), withoutSecret(error, request), null);
    }

    private static AttemptResult failed(
            DeliveryRequest request, long started, Integer code, String error, String responseBody) {
        return new AttemptResult(
                AttemptOutcome.FAILED, code, since(started), withoutSecret(error, request), responseBody);
    }

    /**
     * Errors end up in events and the API, readable by anyone who can see the hook. No error built here includes the
     * secret, but exception messages are not ours, so anything that looks like it is masked anyway.
     */
    private static String withoutSecret(String error, DeliveryRequest request) {
        String secret = request.secret().strip();
        String bare =
                secret.startsWith(WebhookSecret.PREFIX) ? secret.substring(WebhookSecret.PREFIX.length()) : secret;
        return error.replace(secret, "<secret>").replace(bare, "<secret>");
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
