package dev.orchwiz.command.hook.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An in-process webhook receiver on 127.0.0.1 that records what it got and answers from a script. */
final class RecordingReceiver implements AutoCloseable {

    record Received(
            String path,
            String id,
            String timestamp,
            String signature,
            String contentType,
            String userAgent,
            byte[] body) {}

    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script;
    private final Answer last;

    /** Answers in order; the last answer repeats. */
    static RecordingReceiver answering(Answer... answers) throws IOException {
        return new RecordingReceiver(List.of(answers));
    }

    private RecordingReceiver(List<Answer> answers) throws IOException {
        this.script = new ConcurrentLinkedQueue<>(answers);
        this.last = answers.get(answers.size() - 1);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static Answer status(int code) {
        return exchange -> exchange.sendResponseHeaders(code, -1);
    }

    static Answer status(int code, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    static Answer redirectTo(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    static Answer after(Duration delay, Answer answer) {
        return exchange -> {
            Thread.sleep(delay.toMillis());
            answer.answer(exchange);
        };
    }

    /** A chunked body that only ends when the client hangs up. */
    static Answer endlessBody() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException clientWentAway) {
                // expected: the sender stops reading after its limit
            }
        };
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    headers.getFirst("content-type"),
                    headers.getFirst("user-agent"),
                    body));
            Answer next = script.poll();
            (next == null ? last : next).answer(exchange);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
