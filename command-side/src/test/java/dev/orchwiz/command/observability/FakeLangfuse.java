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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Langfuse's ingestion endpoint in this JVM: records each request (its Authorization header and batch) and answers
 * what a test scripted, or by default 207 with every event accepted, as Langfuse does.
 */
final class FakeLangfuse implements AutoCloseable {

    record Request(String authorization, JsonNode body) {

        List<JsonNode> batch() {
            List<JsonNode> events = new ArrayList<>();
            body.get("batch").forEach(events::add);
            return events;
        }

        List<String> ids() {
            return batch().stream().map(event -> event.get("id").asText()).toList();
        }

        List<String> types() {
            return batch().stream().map(event -> event.get("type").asText()).toList();
        }
    }

    record Reply(int status, String body) {}

    static final ObjectMapper JSON = new ObjectMapper();

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Function<List<String>, Reply>> script = new ConcurrentLinkedDeque<>();
    private final HttpServer server;

    FakeLangfuse() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/public/ingestion", this::ingest);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request is answered by this; unscripted requests are accepted whole. */
    FakeLangfuse then(Function<List<String>, Reply> reply) {
        script.add(reply);
        return this;
    }

    static Reply status(int status) {
        return new Reply(status, "{\"message\":\"unavailable\"}");
    }

    /** 207 accepting every event except the given ones, which fail with the given status. */
    static Reply multiStatus(List<String> ids, java.util.Map<String, Integer> failures) {
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
        Function<List<String>, Reply> next = script.poll();
        Reply reply = next == null ? multiStatus(request.ids(), java.util.Map.of()) : next.apply(request.ids());
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    List<JsonNode> events() {
        return requests.stream().flatMap(request -> request.batch().stream()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
