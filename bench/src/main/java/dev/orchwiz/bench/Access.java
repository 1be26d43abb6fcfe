package dev.orchwiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs the harness in the way an operator signs in to a fresh node: the setup code and the sign-in link are read
 * from the node's log (no mail server), then an admin API token is created for the load.
 */
final class Access {

    private static final Pattern SETUP_CODE = Pattern.compile("setup code\\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})");
    private static final Pattern LINK = Pattern.compile("/login/ott\\?token=([A-Za-z0-9-]+)");
    private static final Duration WAIT = Duration.ofSeconds(30);
    static final String EMAIL = "bench@orchwiz.test";

    private Access() {}

    /** An admin API token for a node the harness started and whose log it reads. */
    static String provision(URI base, Path log) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        send(browser, HttpRequest.newBuilder(base.resolve("/api/auth/state")).GET(), 200);
        String code = awaitInLog(log, SETUP_CODE);
        send(
                browser,
                json(base, "/api/auth/claim-admin", "{\"email\":\"" + EMAIL + "\",\"setupCode\":\"" + code + "\"}")
                        .header("X-XSRF-TOKEN", csrf(cookies)),
                202);
        String linkToken = awaitInLog(log, LINK);
        send(
                browser,
                HttpRequest.newBuilder(base.resolve("/login/ott"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", csrf(cookies))
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + linkToken)),
                200);
        send(browser, HttpRequest.newBuilder(base.resolve("/api/auth/state")).GET(), 200);
        String created = send(
                browser,
                json(
                                base,
                                "/api/me/tokens",
                                "{\"name\":\"benchmark\",\"scopes\":[\"read\",\"write\",\"admin\"],\"expiresInDays\":1}")
                        .header("X-XSRF-TOKEN", csrf(cookies)),
                201);
        JsonNode token = Http.JSON.readTree(created).get("token");
        return token.asText();
    }

    private static HttpRequest.Builder json(URI base, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String csrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the node set no XSRF-TOKEN cookie"));
    }

    private static String send(HttpClient client, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("signing the benchmark in failed at " + response.uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String awaitInLog(Path log, Pattern pattern) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
            String last = null;
            while (matcher.find()) {
                last = matcher.group(1);
            }
            if (last != null) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("nothing matching " + pattern + " in " + log + " within " + WAIT);
    }
}
