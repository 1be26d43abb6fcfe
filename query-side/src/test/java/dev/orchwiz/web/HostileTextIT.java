package dev.orchwiz.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every write endpoint's text fields, fed generated hostile strings (NUL, other control characters, unpaired
 * surrogates, at random places in otherwise ordinary text): each is refused with 400 {@code INVALID_TEXT} naming the
 * field, and no event carries it. The same field with odd but valid text (accents, emoji, right-to-left, joiners) is
 * accepted and stored: a 2xx means its event exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class HostileTextIT {

    /** Characters no text may carry; a generated string holds one or more of them. */
    private static final String[] FORBIDDEN = {
        "\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085", "\u009f", "\ud800", "\udbff",
        "\udc00", "\udfff"
    };

    /** Ordinary text of every kind around them, so the check cannot be a prefix or ASCII test. */
    private static final String[] AROUND = {"plain", "Ünïcødé", "🚀🧪", "עברית", "e\u0301", "a\u200db", "日本語", "x y"};

    private static final long SEED = 20261204L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    NodeClient node;
    Fixture fixture;

    /** Ids the cases write against, made fresh for each case. */
    record Fixture(String sessionId, String commandId, String subagentId, String hookId) {}

    /**
     * One text field of one write endpoint. {@code body} builds the JSON with the text in the field; {@code stores}
     * is false for endpoints that decide without storing (a simulation).
     */
    record Case(
            String name,
            String method,
            Function<Fixture, String> path,
            String field,
            Function<String, Object> body,
            boolean singleLine,
            boolean stores) {

        @Override
        public String toString() {
            return name + " " + field;
        }
    }

    private static final String TEXT = "\u0001TEXT\u0001";

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Function<Fixture, String> sessions = f -> "/api/sessions";
        Function<Fixture, String> session = f -> "/api/sessions/" + f.sessionId();
        for (String field : List.of("title", "projectName", "branch", "environment")) {
            cases.add(new Case("POST /api/sessions", "POST", sessions, field, t -> Map.of(field, t), true, true));
        }
        for (String field : List.of("description", "prompt")) {
            cases.add(new Case("POST /api/sessions", "POST", sessions, field, t -> Map.of(field, t), false, true));
        }
        cases.add(new Case(
                "POST /api/sessions",
                "POST",
                sessions,
                "metadata.note",
                t -> Map.of("metadata", Map.of("note", t)),
                false,
                true));
        cases.add(new Case("PATCH /api/sessions/{id}", "PATCH", session, "title", t -> Map.of("title", t), true, true));
        cases.add(new Case(
                "PATCH /api/sessions/{id}",
                "PATCH",
                session,
                "description",
                t -> Map.of("description", t),
                false,
                true));
        cases.add(new Case(
                "POST /api/sessions/{id}/prompt",
                "POST",
                f -> session.apply(f) + "/prompt",
                "prompt",
                t -> Map.of("prompt", t),
                false,
                true));
        cases.add(new Case(
                "POST /api/sessions/{id}/prompt",
                "POST",
                f -> session.apply(f) + "/prompt",
                "text",
                t -> Map.of("text", t),
                false,
                true));
        cases.add(new Case(
                "POST /api/sessions/{id}/interactions",
                "POST",
                f -> session.apply(f) + "/interactions",
                "content",
                t -> Map.of("type", "ai_response", "content", t),
                false,
                true));
        cases.add(new Case(
                "POST /api/sessions/{id}/fork",
                "POST",
                f -> session.apply(f) + "/fork",
                "title",
                t -> Map.of("title", t),
                true,
                true));
        Function<Fixture, String> commands = f -> "/api/commands";
        for (String field : List.of("script", "description")) {
            cases.add(new Case("POST /api/commands", "POST", commands, field, t -> command(field, t), false, true));
        }
        cases.add(new Case(
                "PATCH /api/commands/{id}",
                "PATCH",
                f -> "/api/commands/" + f.commandId(),
                "script",
                t -> Map.of("script", "echo " + t),
                false,
                true));
        cases.add(new Case(
                "POST /api/commands/{id}/execute",
                "POST",
                f -> "/api/commands/" + f.commandId() + "/execute",
                "arguments",
                t -> Map.of("arguments", t),
                false,
                true));
        cases.add(new Case(
                "POST /api/commands/import",
                "POST",
                commands.andThen(p -> p + "/import"),
                "files[0].content",
                t -> Map.of(
                        "files",
                        List.of(Map.of(
                                "path",
                                ".claude/commands/imp-"
                                        + UUID.randomUUID().toString().substring(0, 8) + ".md",
                                "content",
                                "---\ndescription: imported\n---\necho " + t + "\n"))),
                false,
                true));
        for (String field : List.of("description", "prompt")) {
            cases.add(new Case(
                    "POST /api/subagents", "POST", f -> "/api/subagents", field, t -> subagent(field, t), false, true));
        }
        cases.add(new Case(
                "POST /api/hooks",
                "POST",
                f -> "/api/hooks",
                "command",
                t -> Map.of(
                        "name",
                        "hook-" + UUID.randomUUID().toString().substring(0, 8),
                        "event",
                        "PostToolUse",
                        "type",
                        "command",
                        "command",
                        "echo " + t),
                false,
                true));
        cases.add(new Case(
                "POST /api/tool-calls",
                "POST",
                f -> "/api/tool-calls",
                "input.command",
                t -> Map.of("tool", "Bash", "input", Map.of("command", "echo " + t)),
                false,
                true));
        cases.add(new Case(
                "POST /api/permissions",
                "POST",
                f -> "/api/permissions",
                "rule",
                t -> Map.of("rule", "Bash(echo " + t + ")", "outcome", "ask", "scope", "user"),
                true,
                true));
        for (String field : List.of("title", "description")) {
            cases.add(new Case(
                    "POST /api/permission-policies",
                    "POST",
                    f -> "/api/permission-policies",
                    field,
                    t -> policy(field, t),
                    "title".equals(field),
                    true));
        }
        cases.add(new Case(
                "POST /api/subagents/import",
                "POST",
                f -> "/api/subagents/import",
                "files[0].content",
                t -> Map.of(
                        "files",
                        List.of(Map.of(
                                "path",
                                ".claude/agents/imp-"
                                        + UUID.randomUUID().toString().substring(0, 8) + ".md",
                                "content",
                                "---\nname: imp-" + UUID.randomUUID().toString().substring(0, 8)
                                        + "\ndescription: imported\n---\nYou " + t + "\n"))),
                false,
                true));
        cases.add(new Case(
                "PATCH /api/subagents/{id}",
                "PATCH",
                f -> "/api/subagents/" + f.subagentId(),
                "prompt",
                t -> Map.of("prompt", t),
                false,
                true));
        cases.add(new Case(
                "PATCH /api/hooks/{id}",
                "PATCH",
                f -> "/api/hooks/" + f.hookId(),
                "command",
                t -> Map.of("command", "echo " + t),
                false,
                true));
        cases.add(new Case(
                "POST /api/me/tokens",
                "POST",
                f -> "/api/me/tokens",
                "name",
                t -> Map.of("name", t, "scopes", List.of("read")),
                true,
                true));
        cases.add(new Case(
                "POST /api/permissions/simulate",
                "POST",
                f -> "/api/permissions/simulate",
                "input.command",
                t -> Map.of("tool", "Bash", "input", Map.of("command", "echo " + t)),
                false,
                false));
        return cases.stream();
    }

    private static Map<String, Object> command(String field, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "cmd-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("script", "echo hi");
        body.put(field, "script".equals(field) ? "echo " + text : text);
        return body;
    }

    private static Map<String, Object> policy(String field, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", "policy-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("title", "A policy");
        body.put("rules", List.of(Map.of("rule", "Bash(ls)", "outcome", "allow")));
        body.put(field, text);
        return body;
    }

    private static Map<String, Object> subagent(String field, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "agent-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("description", "helps");
        body.put("prompt", "You help.");
        body.put(field, text);
        return body;
    }

    @BeforeEach
    void prepare() {
        node = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        String sessionId = created(node.post("/api/sessions", "{\"title\":\"hostile text\",\"mode\":\"auto_accept\"}"));
        String commandId = created(node.post("/api/commands", NodeClient.json(command("description", "a command"))));
        String subagentId = created(node.post("/api/subagents", NodeClient.json(subagent("description", "helps"))));
        String hookId = created(node.post(
                "/api/hooks",
                NodeClient.json(Map.of(
                        "name", "hook-" + UUID.randomUUID().toString().substring(0, 8),
                        "event", "PostToolUse",
                        "type", "command",
                        "command", "echo fixture"))));
        fixture = new Fixture(sessionId, commandId, subagentId, hookId);
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** Text with one or two forbidden characters at random places; the marker finds it in stored events. */
    private static String hostile(Random random, String marker) {
        StringBuilder text = new StringBuilder(marker);
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            text.append(AROUND[random.nextInt(AROUND.length)]);
            if (i == 0 || random.nextBoolean()) {
                text.append(FORBIDDEN[random.nextInt(FORBIDDEN.length)]);
            }
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostileTextIsRefusedNamingTheFieldAndNothingIsStored(Case c) {
        Random random = new Random(SEED + c.toString().hashCode());
        for (int i = 0; i < 4; i++) {
            String marker = "hostile" + UUID.randomUUID().toString().replace("-", "");
            String text = hostile(random, marker);

            Reply reply = send(c, text);

            assertThat(reply.status())
                    .as(c + " with " + escaped(text) + ": " + reply.raw())
                    .isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.code()).isEqualTo("INVALID_TEXT");
            assertThat(reply.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(c.field());
            assertThat(eventsMentioning(marker))
                    .as("events stored for a refused write")
                    .isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oddButValidTextIsStoredAsSent(Case c) {
        String marker = "valid" + UUID.randomUUID().toString().replace("-", "");
        String text =
                marker + (c.singleLine() ? " Ünïcødé 🚀 עברית e\u0301 a\u200db 日本語" : " Ünïcødé 🚀\n\tעברית e\u0301");

        Reply reply = send(c, text);

        assertThat(reply.status()).as(c + ": " + reply.raw()).isBetween(200, 299);
        if (c.stores()) {
            assertThat(eventsMentioning(marker)).as("a 2xx write has its event").isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneLineFieldsRefuseLineBreaks(Case c) {
        if (!c.singleLine()) {
            return;
        }
        String marker = "lines" + UUID.randomUUID().toString().replace("-", "");

        Reply reply = send(c, marker + "\nsecond line");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("INVALID_TEXT");
        assertThat(eventsMentioning(marker)).isZero();
    }

    @Test
    void queryParametersAreCheckedToo() {
        Reply reply = node.get("/api/sessions?q=a%01b");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("INVALID_TEXT");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
    }

    @Test
    void enumsAreTakenByTheirExactNamesOnly() {
        for (String mode : List.of("1", "0", "\" plan\"", "\"PLAN\"", "\"plan \"", "\"Plan\"")) {
            Reply reply = node.post("/api/sessions", "{\"title\":\"enum\",\"mode\":" + mode + "}");
            assertThat(reply.status()).as(mode + ": " + reply.raw()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(node.post("/api/sessions", "{\"title\":\"enum\",\"mode\":\"auto_accept\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsReadWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String token = TestUsers.token(context, "ada@example.com", false);
        String huge = "{\"title\":\"big\",\"prompt\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (boolean chunked : List.of(false, true)) {
            byte[] bytes = huge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.net.http.HttpRequest.BodyPublisher body = chunked
                    ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(bytes))
                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes);
            java.net.http.HttpResponse<String> response = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://localhost:" + port + "/api/sessions"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(body)
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode())
                    .as("chunked " + chunked + ": " + response.body())
                    .isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            var problem =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
            assertThat(problem.get("code").asString()).isEqualTo("REQUEST_TOO_LARGE");
            assertThat(problem.get("status").asInt()).isEqualTo(413);
            assertThat(problem.get("instance").asString()).isEqualTo("/api/sessions");
        }
    }

    private Reply send(Case c, String text) {
        Object body = c.body().apply(TEXT);
        if (c.name().equals("POST /api/tool-calls")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> call = new LinkedHashMap<>((Map<String, Object>) body);
            call.put("sessionId", fixture.sessionId());
            body = call;
        }
        String json = NodeClient.json(body).replace("\\u0001TEXT\\u0001", escapedForJson(text));
        String path = c.path().apply(fixture);
        return "PATCH".equals(c.method()) ? node.patch(path, json, Map.of()) : node.post(path, json);
    }

    private long eventsMentioning(String marker) {
        Long count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class,
                marker);
        return count == null ? 0 : count;
    }

    /** JSON string content with every character outside printable ASCII escaped, so lone surrogates survive. */
    private static String escapedForJson(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String escaped(String text) {
        return escapedForJson(text);
    }
}
