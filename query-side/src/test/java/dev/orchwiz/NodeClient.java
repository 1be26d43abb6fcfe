package dev.orchwiz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to a running node as any script would. */
public final class NodeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;
    private final Map<String, String> defaults;

    public NodeClient(int port) {
        this(
                "http://localhost:" + port,
                Map.of(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private NodeClient(String base, Map<String, String> defaults, HttpClient http) {
        this.base = base;
        this.defaults = defaults;
        this.http = http;
    }

    /** The same node, every request carrying {@code Authorization: Bearer token}. */
    public NodeClient withToken(String token) {
        return new NodeClient(base, Map.of("Authorization", "Bearer " + token), http);
    }

    /** A client that keeps cookies, as a browser does (for sign-in flows and CSRF tests). */
    public static NodeClient browser(int port) {
        return new NodeClient(
                "http://localhost:" + port,
                Map.of(),
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .cookieHandler(new java.net.CookieManager())
                        .build());
    }

    public Map<String, String> defaults() {
        return defaults;
    }

    /** The value of a cookie this client holds, if it keeps cookies. */
    public String cookie(String name) {
        return http.cookieHandler()
                .map(handler -> ((java.net.CookieManager) handler)
                        .getCookieStore().getCookies().stream()
                                .filter(cookie -> cookie.getName().equals(name))
                                .map(java.net.HttpCookie::getValue)
                                .findFirst()
                                .orElse(null))
                .orElse(null);
    }

    /** Form-encoded POST, as sign-in forms send. */
    public Reply postForm(String path, String form, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                headers);
    }

    public String base() {
        return base;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String raw) {

        public JsonNode json() {
            return JSON.readTree(raw);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String code() {
            return json().path("code").asString();
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    public Reply post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    public Reply patch(String path, String body, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** Any method, with an optional JSON body. */
    public Reply send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), Map.of());
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        defaults.forEach(request::header);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
