package dev.orchwiz.command.observability;

import com.langfuse.client.LangfuseClient;
import com.langfuse.client.core.LangfuseClientApiException;
import com.langfuse.client.core.LangfuseClientException;
import com.langfuse.client.resources.ingestion.requests.IngestionRequest;
import com.langfuse.client.resources.ingestion.types.IngestionError;
import com.langfuse.client.resources.ingestion.types.IngestionEvent;
import com.langfuse.client.resources.ingestion.types.IngestionResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers batches to Langfuse's ingestion API ({@code POST /api/public/ingestion}). A batch that cannot be delivered
 * is retried with exponential backoff a bounded number of times. If Langfuse still cannot take it (unreachable, 408,
 * 429, 5xx), or the thread is interrupted (the node is stopping), {@link LangfuseUnavailable} is thrown: the
 * processor's unit of work then rolls back, its token stays before the batch, and the batch is sent again later, by
 * this node's processor retrying or by the next one to start. What Langfuse refuses for good (400/401/403/404 for the
 * request, a 4xx for one event) is logged (ids and statuses only: never a key, never a payload), counted and dropped,
 * since sending it again meets the same refusal. Langfuse answers 207 with an error per refused event; only those
 * that may succeed later are tried again.
 */
class LangfuseIngestion {

    /** Events per request; keeps a batch with full inputs and outputs well under Langfuse's 3.5 MB cap. */
    static final int EVENTS_PER_REQUEST = 50;

    private static final Logger log = LoggerFactory.getLogger(LangfuseIngestion.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final String METRIC = "orchwiz.langfuse.export.events";

    /** One ingestion event with its envelope id, which Langfuse deduplicates on. */
    record Envelope(String id, IngestionEvent event) {}

    /** Waits between attempts; a test passes one that does not sleep. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final LangfuseClient client;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Pause pause;
    private final Counter sent;
    private final Counter rejected;
    private final Counter dropped;
    private final Counter retried;
    private final Counter deferred;

    LangfuseIngestion(ObservabilityProperties.Langfuse settings, MeterRegistry meters, Pause pause) {
        // Our own OkHttp client: the library's default retries by itself (3 times, unbounded by us) and waits 60 s.
        OkHttpClient http = new OkHttpClient.Builder()
                .callTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.client = LangfuseClient.builder()
                .url(settings.host())
                .credentials(settings.publicKey(), settings.secretKey())
                .xLangfuseSdkName("orchwiz")
                .httpClient(http)
                .build();
        this.maxAttempts = settings.maxAttempts();
        this.initialBackoff = settings.initialBackoff();
        this.pause = pause;
        this.sent = counter(meters, "sent", "Events Langfuse accepted.");
        this.rejected = counter(meters, "rejected", "Events Langfuse refused for good (a 4xx per event).");
        this.dropped = counter(meters, "dropped", "Events given up on after the last attempt or a refused request.");
        this.retried = counter(meters, "retried", "Attempts that were tried again.");
        this.deferred = counter(
                meters, "deferred", "Events of a batch that failed after its last attempt, left to be sent again.");
    }

    private static Counter counter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder(METRIC)
                .tag("outcome", outcome)
                .description(description)
                .register(meters);
    }

    void send(List<Envelope> envelopes) {
        for (int from = 0; from < envelopes.size(); from += EVENTS_PER_REQUEST) {
            deliver(envelopes.subList(from, Math.min(envelopes.size(), from + EVENTS_PER_REQUEST)));
        }
    }

    private void deliver(List<Envelope> batch) {
        List<Envelope> pending = batch;
        String lastFailure = "";
        int attempts = 0;
        boolean refusedForGood = false;
        for (int attempt = 1; attempt <= maxAttempts && !Thread.currentThread().isInterrupted(); attempt++) {
            if (attempt > 1) {
                retried.increment();
                if (!waitBefore(attempt)) {
                    break;
                }
            }
            attempts = attempt;
            try {
                IngestionResponse response = client.ingestion()
                        .batch(IngestionRequest.builder()
                                .batch(pending.stream().map(Envelope::event).toList())
                                .build());
                sent.increment(response.getSuccesses().size());
                pending = stillPending(pending, response.getErrors());
                if (pending.isEmpty()) {
                    return;
                }
                lastFailure = "Langfuse refused " + pending.size() + " event(s) for now";
            } catch (LangfuseClientApiException refused) {
                lastFailure = "HTTP " + refused.statusCode();
                if (!mayWork(refused.statusCode())) {
                    // 400/401/403/404: trying again sends the same request to the same refusal.
                    refusedForGood = true;
                    break;
                }
            } catch (LangfuseClientException | IllegalStateException unreachable) {
                // The library wraps I/O failures; its message says which, without headers.
                lastFailure = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
            }
        }
        List<String> ids = pending.stream().map(Envelope::id).limit(10).toList();
        if (refusedForGood) {
            dropped.increment(pending.size());
            log.warn(
                    "Langfuse export gave up on {} event(s) after {} attempt(s) ({}); ids {}",
                    pending.size(),
                    attempts,
                    lastFailure,
                    ids);
            return;
        }
        deferred.increment(pending.size());
        String reason = Thread.currentThread().isInterrupted()
                ? "interrupted after " + attempts + " attempt(s) (" + lastFailure + ")"
                : "failed after " + attempts + " attempt(s) (" + lastFailure + ")";
        log.warn("Langfuse export of {} event(s) {}; they are sent again later; ids {}", pending.size(), reason, ids);
        throw new LangfuseUnavailable("Langfuse export " + reason);
    }

    /** The events to try again; the ones refused for good are counted and logged here, once. */
    private List<Envelope> stillPending(List<Envelope> attempted, List<IngestionError> errors) {
        if (errors.isEmpty()) {
            return List.of();
        }
        Set<String> retry = errors.stream()
                .filter(error -> mayWork(error.getStatus()))
                .map(IngestionError::getId)
                .collect(Collectors.toSet());
        List<IngestionError> refused =
                errors.stream().filter(error -> !mayWork(error.getStatus())).toList();
        if (!refused.isEmpty()) {
            rejected.increment(refused.size());
            Map<Integer, Long> byStatus = new TreeMap<>(
                    refused.stream().collect(Collectors.groupingBy(IngestionError::getStatus, Collectors.counting())));
            log.warn(
                    "Langfuse refused {} exported event(s), by status {}; ids {}",
                    refused.size(),
                    byStatus,
                    refused.stream().map(IngestionError::getId).limit(10).toList());
        }
        List<Envelope> pending = new ArrayList<>();
        for (Envelope envelope : attempted) {
            if (retry.contains(envelope.id())) {
                pending.add(envelope);
            }
        }
        return pending;
    }

    private static boolean mayWork(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private boolean waitBefore(int attempt) {
        long factor = 1L << Math.min(attempt - 2, 16);
        Duration backoff = initialBackoff.multipliedBy(factor);
        try {
            pause.pause(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
            return true;
        } catch (InterruptedException interrupted) {
            // The processor is shutting down: give the batch up now rather than hold the shutdown.
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
