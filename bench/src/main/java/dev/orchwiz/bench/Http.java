package dev.orchwiz.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * A thin JSON-over-HTTP client for one node. Each phase makes its own instance (its own connection pool), so that no
 * connection left idle by an earlier phase is reused after the server has closed it. GETs ask for gzip like a browser.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;

    /** The API token every request carries; set once after {@link Access} signed the harness in. */
    static volatile String bearer;

    Http(URI base) {
        if (!Config.LOOPBACK.equals(base.getHost())) {
            throw new IllegalArgumentException("load goes to 127.0.0.1 only, not " + base);
        }
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI base() {
        return base;
    }

    Result get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .headers(authorization())
                .GET()
                .build());
    }

    Result post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .headers(authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    Result delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .headers(authorization())
                .DELETE()
                .build());
    }

    static String[] authorization() {
        String token = bearer;
        return token == null ? new String[] {"X-Bench", "1"} : new String[] {"Authorization", "Bearer " + token};
    }

    private Result send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.headers()
                    .firstValue("Content-Encoding")
                    .map("gzip"::equalsIgnoreCase)
                    .orElse(false)) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return new Result(response.statusCode(), body, System.nanoTime() - start, null);
        } catch (HttpTimeoutException e) {
            return new Result(-1, null, System.nanoTime() - start, "timeout");
        } catch (IOException e) {
            return new Result(-1, null, System.nanoTime() - start, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, null, System.nanoTime() - start, "interrupted");
        }
    }

    /** One answer: status (-1 when no answer came), raw body, latency, and the transport error if any. */
    record Result(int status, byte[] body, long nanos, String error) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** What to count this answer as: {@code 2xx}, the status, or the transport error. */
        String outcome() {
            if (status < 0) {
                return error;
            }
            return ok() ? "2xx" : Integer.toString(status);
        }

        JsonNode json() {
            if (body == null || body.length == 0) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        String text() {
            return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
