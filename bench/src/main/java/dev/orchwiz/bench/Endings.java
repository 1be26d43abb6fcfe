package dev.orchwiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection to the node's event stream ({@code GET /api/events/stream}, filtered to the events that end a run
 * or a call), from which the runs phase's clients learn that their run or call has ended.
 *
 * <p>Reading each run's status every few milliseconds instead made the reads about two thirds of the node's CPU in
 * every measurement (runs U), and, since a longer operation is read more often, charged the slower measurement with
 * more of them: the overhead figure then moved by tens of points between two runs of one jar (runs W). With the
 * stream, each operation costs the node one frame and one read of its final state, whatever it lasts.
 */
final class Endings implements AutoCloseable {

    /** The stream's names (GET /api/events/types) of the events after which a run changes no more. */
    static final List<String> RUN_ENDS = List.of("run.completed", "run.failed", "run.cancelled");

    /** The same for a tool call. */
    static final List<String> CALL_ENDS = List.of(
            "toolcall.completed",
            "toolcall.failed",
            "toolcall.timed-out",
            "toolcall.cancelled",
            "toolcall.denied",
            "toolcall.blocked",
            "toolcall.approval-expired");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How a run or call ended: the event's type and the aggregate's version it made (for a read-your-write). */
    record Ending(String type, long version) {}

    /** Endings by aggregate id; an ending may arrive before its client asks for it, so either side creates it. */
    private final ConcurrentHashMap<String, CompletableFuture<Ending>> endings = new ConcurrentHashMap<>();

    private final CountDownLatch connected = new CountDownLatch(1);
    private final HttpClient client;
    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean closed;

    private Endings(URI base, List<String> types) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        String query = URLEncoder.encode(String.join(",", types), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/events/stream?types=" + query))
                .header("Accept", "text/event-stream")
                .headers(Http.authorization())
                .GET()
                .build();
        this.reader = new Thread(() -> read(request), "bench-endings");
        reader.setDaemon(true);
    }

    /** A stream of {@code types}, once the node has answered {@code connected}. */
    static Endings open(URI base, List<String> types) throws InterruptedException {
        Endings endings = new Endings(base, types);
        endings.reader.start();
        if (!endings.connected.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            endings.close();
            throw new IllegalStateException("the event stream did not connect within " + CONNECT_TIMEOUT);
        }
        return endings;
    }

    /** How {@code id} ended, waiting up to {@code timeout}; null when it did not end in time or the stream broke. */
    Ending await(String id, Duration timeout) {
        CompletableFuture<Ending> ending = endings.computeIfAbsent(id, ignored -> new CompletableFuture<>());
        try {
            return ending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException notEnded) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            endings.remove(id);
        }
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            if (response.statusCode() != 200) {
                Bench.log("runs: the event stream answered " + response.statusCode());
                return;
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        dispatch(event, data.toString());
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            }
        } catch (IOException broken) {
            if (!closed) {
                Bench.log("runs: the event stream broke: " + broken);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            // Whoever still waits learns at once that nothing more will come.
            endings.values().forEach(waiting -> waiting.completeExceptionally(new IOException("stream closed")));
        }
    }

    private void dispatch(String event, String data) {
        if (event == null) {
            return;
        }
        if (event.equals("connected")) {
            connected.countDown();
            return;
        }
        JsonNode frame;
        try {
            frame = Http.JSON.readTree(data);
        } catch (IOException unreadable) {
            return;
        }
        String id = frame.path("aggregateId").asText("");
        if (!id.isEmpty()) {
            endings.computeIfAbsent(id, ignored -> new CompletableFuture<>())
                    .complete(new Ending(event, frame.path("aggregateVersion").asLong(-1)));
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing a broken stream
            }
        }
        reader.interrupt();
    }
}
