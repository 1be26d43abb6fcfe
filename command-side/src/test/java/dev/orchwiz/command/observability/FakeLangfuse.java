package dev.orchwiz.command.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Langfuse's ingestion endpoint in this JVM: records each request (its Authorization header and batch) and answers
 * what a test scripted, or by default 207 with every event accepted, as Langfuse does. It remembers which events it
 * acknowledged (a success in a 2xx answer), and can be made to stall: requests then hang until released, as when
 * Langfuse or the network stops answering mid-export. Shared with the query side's tests (command-side test jar).
 */
public final class FakeLangfuse implements AutoCloseable {

    /** One ingestion request as it arrived. */
    public record Request(String authorization, JsonNode body) {

        public List<JsonNode> batch() {
            List<JsonNode> events = new ArrayList<>();
            body.get("batch").forEach(events::add);
            return events;
        }

        public List<String> ids() {
            return batch().stream().map(event -> event.get("id").asText()).toList();
        }

        public List<String> types() {
            return batch().stream().map(event -> event.get("type").asText()).toList();
        }
    }

    /** A scripted answer. */
    public record Reply(int status, String body) {}

    static final ObjectMapper JSON = new ObjectMapper();

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> acknowledged = new CopyOnWriteArrayList<>();
    private final Deque<Function<List<String>, Reply>> script = new ConcurrentLinkedDeque<>();
    private final AtomicReference<CountDownLatch> stall = new AtomicReference<>();
    private final AtomicInteger stalled = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    public FakeLangfuse() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/public/ingestion", this::ingest);
        // A stalled request must not hold the others up: each request gets its own thread.
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request is answered by this; unscripted requests are accepted whole. */
    public FakeLangfuse then(Function<List<String>, Reply> reply) {
        script.add(reply);
        return this;
    }

    /** From now on every request hangs, unanswered, until {@link #release()}; then it is answered 503. */
    public void stall() {
        stall.compareAndSet(null, new CountDownLatch(1));
    }

    /** Ends the stall: hanging requests are answered 503 (nothing acknowledged), later ones as usual. */
    public void release() {
        CountDownLatch latch = stall.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** How many requests have hung in a stall so far. */
    public int stalledRequests() {
        return stalled.get();
    }

    /** Every event (envelope) that was answered as a success, once per time it was. */
    public List<JsonNode> acknowledged() {
        return List.copyOf(acknowledged);
    }

    static Reply status(int status) {
        return new Reply(status, "{\"message\":\"unavailable\"}");
    }

    /** 207 accepting every event except the given ones, which fail with the given status. */
    static Reply multiStatus(List<String> ids, Map<String, Integer> failures) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode successes = body.putArray("successes");
        ArrayNode errors = body.putArray("errors");
        for (String id : ids) {
            Integer failure = failures.get(id);
            if (failure == null) {
                successes.addObject().put("id", id).put("status", 201);
            } else {
                errors.addObject().put("id", id).put("status", failure).put("message", "refused");
            }
        }
        return new Reply(207, body.toString());
    }

    private void ingest(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Request request = new Request(exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(request);
        Reply reply = stalled(request).orElseGet(() -> {
            Function<List<String>, Reply> next = script.poll();
            return next == null ? multiStatus(request.ids(), Map.of()) : next.apply(request.ids());
        });
        acknowledge(request, reply);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Optional<Reply> stalled(Request request) {
        CountDownLatch latch = stall.get();
        if (latch == null) {
            return Optional.empty();
        }
        stalled.incrementAndGet();
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(status(503));
    }

    private void acknowledge(Request request, Reply reply) throws IOException {
        if (reply.status() < 200 || reply.status() > 299) {
            return;
        }
        JsonNode answer = JSON.readTree(reply.body());
        Set<String> accepted = new HashSet<>();
        if (answer.has("successes")) {
            answer.get("successes")
                    .forEach(success -> accepted.add(success.get("id").asText()));
        } else {
            accepted.addAll(request.ids());
        }
        request.batch().stream()
                .filter(event -> accepted.contains(event.get("id").asText()))
                .forEach(acknowledged::add);
    }

    List<JsonNode> events() {
        return requests.stream().flatMap(request -> request.batch().stream()).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
