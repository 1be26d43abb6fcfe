package dev.orchwiz.command.run.runtime.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process Chat Completions server on the loopback interface: each {@code POST …/chat/completions} takes the next
 * scripted reply (an SSE stream of chunks shaped like OpenAI's, an error, or a stall) and is recorded with its headers
 * and body, so a test can check both what the runtime made of a stream and what it sent.
 */
final class FakeChatCompletionsServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived. */
    record Recorded(String method, String path, String authorization, String body) {}

    /** One scripted answer. */
    interface Reply {
        void send(HttpExchange exchange, FakeChatCompletionsServer server) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean clientWentAway;

    FakeChatCompletionsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeChatCompletionsServer enqueue(Reply... scripted) {
        replies.addAll(List.of(scripted));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Whether a held stream found its client gone when it wrote again (the runtime closed the connection). */
    boolean clientWentAway() {
        return clientWentAway;
    }

    /** Lets a {@link #hold} reply go on. */
    void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
            Reply reply = replies.poll();
            if (reply == null) {
                error(500, "{\"error\":{\"message\":\"the test scripted no reply for this request\"}}")
                        .send(exchange, this);
                return;
            }
            reply.send(exchange, this);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- replies

    /** An SSE stream of the given {@code data:} payloads, then {@code data: [DONE]}, as OpenAI sends it. */
    static Reply stream(String... chunks) {
        return (exchange, server) -> {
            OutputStream out = openStream(exchange);
            for (String chunk : chunks) {
                write(out, "data: " + chunk + "\n\n");
            }
            write(out, "data: [DONE]\n\n");
        };
    }

    /** Sends {@code first}, then waits (for {@link #release} or ten seconds) before sending {@code rest}. */
    static Reply hold(List<String> first, List<String> rest) {
        return (exchange, server) -> {
            OutputStream out = openStream(exchange);
            for (String chunk : first) {
                write(out, "data: " + chunk + "\n\n");
            }
            server.released.await(10, TimeUnit.SECONDS);
            try {
                for (String chunk : rest) {
                    write(out, "data: " + chunk + "\n\n");
                }
                write(out, "data: [DONE]\n\n");
                // A write to a closed connection can still land in the socket buffer; only a later one fails, so
                // keep writing SSE comments (which clients ignore) for a while to learn whether the client is gone.
                for (int i = 0; i < 100; i++) {
                    Thread.sleep(50);
                    write(out, ": still here\n\n");
                }
            } catch (IOException closedByClient) {
                server.clientWentAway = true;
            }
        };
    }

    /** The response headers and then nothing for {@code pause}. */
    static Reply stallAfterHeaders(Duration pause) {
        return (exchange, server) -> {
            openStream(exchange);
            Thread.sleep(pause.toMillis());
        };
    }

    /** Nothing at all, not even headers, for {@code pause}. */
    static Reply stallBeforeHeaders(Duration pause) {
        return (exchange, server) -> Thread.sleep(pause.toMillis());
    }

    /** A raw event-stream body, for shapes no real server should send. */
    static Reply raw(String eventStream) {
        return (exchange, server) -> write(openStream(exchange), eventStream);
    }

    static Reply error(int status, String json) {
        return (exchange, server) -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    private static OutputStream openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ---- chunks, shaped like OpenAI's chat.completion.chunk

    static final String MODEL = "gpt-test-2026-01-01";

    static String role() {
        return chunk(Map.of("role", "assistant", "content", ""), null);
    }

    static String text(String delta) {
        return chunk(Map.of("content", delta), null);
    }

    /** The first fragment of a tool call: its index, id, name and the start of its arguments. */
    static String toolCall(int index, String id, String name, String arguments) {
        Map<String, Object> call = Map.of(
                "index", index, "id", id, "type", "function", "function", Map.of("name", name, "arguments", arguments));
        return chunk(Map.of("tool_calls", List.of(call)), null);
    }

    /** A later fragment: more of the arguments of the call at {@code index}. */
    static String toolArguments(int index, String arguments) {
        Map<String, Object> call = Map.of("index", index, "function", Map.of("arguments", arguments));
        return chunk(Map.of("tool_calls", List.of(call)), null);
    }

    static String finish(String reason) {
        return chunk(Map.of(), reason);
    }

    /** The last chunk when {@code stream_options.include_usage} is set: no choices, only usage. */
    static String usage(int prompt, int completion) {
        return JSON.writeValueAsString(Map.of(
                "id",
                "chatcmpl-test",
                "object",
                "chat.completion.chunk",
                "created",
                1767225600,
                "model",
                MODEL,
                "choices",
                List.of(),
                "usage",
                Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion)));
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new java.util.LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return JSON.writeValueAsString(Map.of(
                "id",
                "chatcmpl-test",
                "object",
                "chat.completion.chunk",
                "created",
                1767225600,
                "model",
                MODEL,
                "choices",
                List.of(choice)));
    }
}
