package dev.orchwiz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-process webhook receiver on 127.0.0.1 that checks every delivery's Standard Webhooks signature with the
 * hook's secret (computed independently of the node's signer) and keeps what it got; each path answers as the test
 * tells it.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What one path answers, given how many deliveries it has had so far (1 for the first). */
    public interface Answer {
        Reply to(int delivery);
    }

    public record Reply(int status, String json) {
        public static Reply of(int status) {
            return new Reply(status, null);
        }
    }

    private final HttpServer server;

    /** Every body received, signed or not. */
    public final List<String> bodies = new CopyOnWriteArrayList<>();

    /** The bodies whose signature checked out with {@link #secret}. */
    public final List<String> verified = new CopyOnWriteArrayList<>();

    /** The hook's {@code whsec_} secret as it was shown once; null accepts no signature. */
    public volatile String secret;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.start();
    }

    public WebhookReceiver answer(String path, Answer answer) {
        int[] count = {0};
        server.createContext(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            bodies.add(text);
            if (signed(exchange, body)) {
                verified.add(text);
            }
            Reply reply;
            synchronized (count) {
                reply = answer.to(++count[0]);
            }
            respond(exchange, reply);
        });
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private boolean signed(HttpExchange exchange, byte[] body) {
        String key = secret;
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        return key != null
                && id != null
                && timestamp != null
                && signature != null
                && signature.equals(signature(key, id, timestamp, body));
    }

    /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by the base64 part of a {@code whsec_} secret. */
    static String signature(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.json() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            byte[] answer = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }
}
