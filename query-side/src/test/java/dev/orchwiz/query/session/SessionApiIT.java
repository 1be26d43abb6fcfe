package dev.orchwiz.query.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** Every session endpoint over real HTTP against a node on PostgreSQL, including the ways requests go wrong. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SessionApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    NodeClient node;

    @BeforeEach
    void connect() {
        node = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
    }

    private String create(Map<String, Object> body) {
        Reply created = node.post("/api/sessions", NodeClient.json(body));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String create(String title) {
        return create(Map.of("title", title, "prompt", "do the thing"));
    }

    private JsonNode read(String id, long minVersion) {
        Reply reply = node.get("/api/sessions/" + id + "?minVersion=" + minVersion);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.header("X-Read-Model-Behind")).isEqualTo("false");
        return reply.json();
    }

    private long eventsOf(String id) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
    }

    private void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().path("detail").asString()).isNotBlank();
    }

    @Nested
    class Creating {

        @Test
        void answers201WithLocationEtagAndTheSessionReadsBackWithItsDefaults() {
            // when
            Reply created = node.post(
                    "/api/sessions",
                    NodeClient.json(Map.of("title", "Fix flaky test", "metadata", Map.of("ticket", 42))));

            // then
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.header("Location")).isEqualTo("/api/sessions/" + id);
            assertThat(created.header("ETag")).isEqualTo("\"0\"");
            JsonNode session = read(id, 0);
            assertThat(session.get("title").asString()).isEqualTo("Fix flaky test");
            assertThat(session.get("status").asString()).isEqualTo("planning");
            assertThat(session.get("mode").asString()).isEqualTo("plan");
            assertThat(session.get("source").asString()).isEqualTo("web");
            assertThat(session.get("ownerId").asString()).isEqualTo(TestUsers.user(context, "ada@example.com", false));
            assertThat(session.get("metadata").get("ticket").asInt()).isEqualTo(42);
        }

        @Test
        void refusesUnknownEnumValuesNamingTheAllowedOnes() {
            Reply reply = node.post("/api/sessions", "{\"mode\":\"yolo\"}");
            assertProblem(reply, 400, "INVALID_ENUM_VALUE");
            assertThat(reply.json().get("detail").asString()).contains("plan", "auto_accept");
            assertThat(reply.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("mode");
        }

        @Test
        void refusesOversizedFieldsWithTheFieldsNamed() {
            Reply reply = node.post(
                    "/api/sessions", NodeClient.json(Map.of("title", "t".repeat(201), "branch", "b".repeat(256))));
            assertProblem(reply, 400, "VALIDATION_FAILED");
            assertThat(reply.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("title", "branch");
        }

        @Test
        void refusesMetadataOverSixteenKilobytes() {
            Reply reply =
                    node.post("/api/sessions", NodeClient.json(Map.of("metadata", Map.of("blob", "x".repeat(17_000)))));
            assertProblem(reply, 400, "VALIDATION_FAILED");
        }

        @Test
        void refusesMalformedJsonUnknownFieldsAndWrongTypes() {
            assertProblem(node.post("/api/sessions", "{\"title\":"), 400, "MALFORMED_JSON");
            assertProblem(node.post("/api/sessions", "{\"titel\":\"typo\"}"), 400, "VALIDATION_FAILED");
            assertProblem(node.post("/api/sessions", "{\"metadata\":[1,2]}"), 400, "VALIDATION_FAILED");
        }

        @Test
        void refusesANonJsonBody() {
            Reply reply = node.post("/api/sessions", "title=x", Map.of("Content-Type", "text/plain"));
            assertThat(reply.status()).isIn(400, 415);
            assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        }
    }

    @Nested
    class Listing {

        @Test
        void filtersPaginatesAndPutsNewestActivityFirst() {
            // given
            String marker = "list-" + System.nanoTime();
            String first = create(Map.of("title", marker + " one", "source", "ios"));
            String second = create(Map.of("title", marker + " two", "mode", "auto_accept"));
            String third = create(Map.of("title", marker + " three"));
            Reply prompted = node.post("/api/sessions/" + first + "/prompt", "{\"prompt\":\"go\"}");
            read(first, prompted.json().get("version").asLong());
            read(second, 0);
            read(third, 0);

            // when
            JsonNode all = node.get("/api/sessions?q=" + marker + "&size=2").json();
            JsonNode executing =
                    node.get("/api/sessions?q=" + marker + "&status=executing").json();
            JsonNode autoAccept =
                    node.get("/api/sessions?q=" + marker + "&mode=auto_accept").json();
            JsonNode fromIos =
                    node.get("/api/sessions?q=" + marker + "&source=ios").json();
            JsonNode secondPage =
                    node.get("/api/sessions?q=" + marker + "&size=2&page=1").json();

            // then
            assertThat(all.get("totalItems").asLong()).isEqualTo(3);
            assertThat(all.get("totalPages").asInt()).isEqualTo(2);
            assertThat(all.get("items").findValuesAsString("id")).containsExactly(first, third);
            assertThat(secondPage.get("items").findValuesAsString("id")).containsExactly(second);
            assertThat(executing.get("items").findValuesAsString("id")).containsExactly(first);
            assertThat(autoAccept.get("items").findValuesAsString("id")).containsExactly(second);
            assertThat(fromIos.get("items").findValuesAsString("id")).containsExactly(first);
        }

        @Test
        void refusesBadFiltersAndPageSizes() {
            assertProblem(node.get("/api/sessions?status=sleeping"), 400, "INVALID_PARAMETER");
            assertProblem(node.get("/api/sessions?mode=yolo"), 400, "INVALID_PARAMETER");
            assertProblem(node.get("/api/sessions?size=0"), 400, "INVALID_PARAMETER");
            assertProblem(node.get("/api/sessions?size=101"), 400, "INVALID_PARAMETER");
            assertProblem(node.get("/api/sessions?page=-1"), 400, "INVALID_PARAMETER");
            assertProblem(node.get("/api/sessions?page=abc"), 400, "INVALID_PARAMETER");
        }
    }

    @Nested
    class Steering {

        @Test
        void walksTheStatusMachineAndRefusesOtherMovesWithoutWritingAnything() {
            // given
            String id = create("status walk");

            // when / then
            assertProblem(
                    node.post("/api/sessions/" + id + "/status", "{\"status\":\"paused\"}"),
                    409,
                    "SESSION_INVALID_TRANSITION");
            assertThat(eventsOf(id)).isEqualTo(1);
            assertThat(node.post("/api/sessions/" + id + "/status", "{\"status\":\"executing\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(node.post("/api/sessions/" + id + "/status", "{\"status\":\"paused\",\"reason\":\"lunch\"}")
                            .status())
                    .isEqualTo(200);
            assertProblem(node.post("/api/sessions/" + id + "/prompt", "{\"prompt\":\"hi\"}"), 409, "SESSION_CLOSED");
            assertThat(node.post("/api/sessions/" + id + "/status", "{\"status\":\"executing\"}")
                            .status())
                    .isEqualTo(200);
            Reply done = node.post("/api/sessions/" + id + "/status", "{\"status\":\"completed\"}");
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.header("ETag")).isEqualTo("\"4\"");
            assertProblem(
                    node.post("/api/sessions/" + id + "/status", "{\"status\":\"executing\"}"),
                    409,
                    "SESSION_INVALID_TRANSITION");
            assertProblem(
                    node.post("/api/sessions/" + id + "/status", "{\"status\":\"done\"}"), 400, "INVALID_ENUM_VALUE");
            assertProblem(node.post("/api/sessions/" + id + "/status", "{}"), 400, "VALIDATION_FAILED");
            JsonNode session = read(id, 4);
            assertThat(session.get("status").asString()).isEqualTo("completed");
            assertThat(session.get("completedAt").isNull()).isFalse();
            assertThat(eventsOf(id)).isEqualTo(5);
        }

        @Test
        void changesModeAndHonoursIfMatch() {
            // given
            String id = create("mode");

            // when
            Reply stale = node.post(
                    "/api/sessions/" + id + "/mode", "{\"mode\":\"auto_accept\"}", Map.of("If-Match", "\"7\""));
            Reply malformed = node.post(
                    "/api/sessions/" + id + "/mode", "{\"mode\":\"auto_accept\"}", Map.of("If-Match", "seven"));
            Reply changed = node.post(
                    "/api/sessions/" + id + "/mode", "{\"mode\":\"auto_accept\"}", Map.of("If-Match", "\"0\""));

            // then
            assertProblem(stale, 412, "SESSION_VERSION_MISMATCH");
            assertProblem(malformed, 400, "INVALID_IF_MATCH");
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().get("version").asLong()).isEqualTo(1);
            Reply detail = node.get("/api/sessions/" + id + "?minVersion=1");
            assertThat(detail.json().get("mode").asString()).isEqualTo("auto_accept");
            assertThat(detail.header("ETag")).isEqualTo("\"1\"");
        }

        @Test
        void patchesAsAMergePatchAndRefusesUnknownOrInvalidFieldsWhole() {
            // given
            String id = create(Map.of("title", "patch me", "branch", "main", "environment", "dev"));

            // when
            Reply refused = node.patch("/api/sessions/" + id, "{\"title\":\"new\",\"status\":\"completed\"}", Map.of());
            Reply tooLong = node.patch(
                    "/api/sessions/" + id,
                    NodeClient.json(Map.of("title", "ok", "environment", "e".repeat(101))),
                    Map.of());
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("title", "patched");
            patch.put("branch", null);
            patch.put("metadata", Map.of("pr", 12));
            Reply patched = node.patch("/api/sessions/" + id, NodeClient.json(patch), Map.of("If-Match", "\"0\""));

            // then
            assertProblem(refused, 400, "VALIDATION_FAILED");
            assertProblem(tooLong, 400, "VALIDATION_FAILED");
            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            JsonNode session = read(id, patched.json().get("version").asLong());
            assertThat(session.get("title").asString()).isEqualTo("patched");
            assertThat(session.get("branch").isNull()).isTrue();
            assertThat(session.get("environment").asString()).isEqualTo("dev");
            assertThat(session.get("metadata").get("pr").asInt()).isEqualTo(12);
        }

        @Test
        void promptRecordsUserInputAndStartsExecution() {
            // given
            String id = create("prompted");

            // when
            Reply prompted = node.post("/api/sessions/" + id + "/prompt", "{\"prompt\":\"write the tests\"}");
            Reply answer = node.post(
                    "/api/sessions/" + id + "/interactions",
                    "{\"type\":\"ai_response\",\"content\":\"on it\",\"metadata\":{\"model\":\"m\"}}");

            // then
            assertThat(prompted.status()).isEqualTo(200);
            assertThat(prompted.json().get("interactionId").asString()).isNotBlank();
            assertThat(answer.status()).isEqualTo(201);
            JsonNode session = read(id, answer.json().get("version").asLong());
            assertThat(session.get("status").asString()).isEqualTo("executing");
            assertThat(session.get("interactions").findValuesAsString("type"))
                    .containsExactly("user_input", "ai_response");
            assertThat(session.get("interactions").get(0).get("content").asString())
                    .isEqualTo("write the tests");
            JsonNode page = node.get("/api/sessions/" + id + "/interactions?size=1&page=1")
                    .json();
            assertThat(page.get("totalItems").asLong()).isEqualTo(2);
            assertThat(page.get("items").get(0).get("content").asString()).isEqualTo("on it");
            assertProblem(
                    node.post("/api/sessions/" + id + "/prompt", "{\"prompt\":\"   \"}"), 400, "VALIDATION_FAILED");
            assertProblem(
                    node.post("/api/sessions/" + id + "/interactions", "{\"type\":\"thought\",\"content\":\"x\"}"),
                    400,
                    "INVALID_ENUM_VALUE");
        }

        @Test
        void forksIntoAChildThatPointsAtItsParent() {
            // given
            String parent = create(Map.of("title", "parent", "projectName", "orchwiz"));

            // when
            Reply forked = node.post("/api/sessions/" + parent + "/fork", "{\"title\":\"child\"}");

            // then
            assertThat(forked.status()).isEqualTo(201);
            String child = forked.json().get("id").asString();
            assertThat(forked.header("Location")).isEqualTo("/api/sessions/" + child);
            JsonNode session = read(child, 0);
            assertThat(session.get("parentSessionId").asString()).isEqualTo(parent);
            assertThat(session.get("title").asString()).isEqualTo("child");
            assertThat(session.get("projectName").asString()).isEqualTo("orchwiz");
            assertThat(read(parent, 1).get("forkCount").asLong()).isEqualTo(1);
        }
    }

    @Nested
    class Archiving {

        @Test
        void archivedSessionsLeaveListsAndReadsButKeepTheirHistory() {
            // given
            String id = create("to archive");
            read(id, 0);

            // when
            Reply archived = node.delete("/api/sessions/" + id);

            // then
            assertThat(archived.status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertProblem(node.get("/api/sessions/" + id), 404, "SESSION_NOT_FOUND"));
            assertThat(node.get("/api/sessions?q=to%20archive&size=100")
                            .json()
                            .get("items")
                            .findValuesAsString("id"))
                    .doesNotContain(id);
            assertProblem(node.delete("/api/sessions/" + id), 404, "SESSION_ARCHIVED");
            assertProblem(node.post("/api/sessions/" + id + "/prompt", "{\"prompt\":\"hi\"}"), 404, "SESSION_ARCHIVED");
            assertThat(eventsOf(id)).isEqualTo(2);
        }
    }

    @Nested
    class UnknownIds {

        @Test
        void everyEndpointAnswers404ForAnUnknownOrMalformedId() {
            String unknown = "6f1c1d5e-9b7a-4c1e-8f6a-000000000000";
            for (String id : new String[] {unknown, "not-a-uuid"}) {
                assertProblem(node.get("/api/sessions/" + id), 404, "SESSION_NOT_FOUND");
                assertProblem(node.get("/api/sessions/" + id + "/interactions"), 404, "SESSION_NOT_FOUND");
                assertProblem(
                        node.patch("/api/sessions/" + id, "{\"title\":\"x\"}", Map.of()), 404, "SESSION_NOT_FOUND");
                assertProblem(
                        node.post("/api/sessions/" + id + "/mode", "{\"mode\":\"plan\"}"), 404, "SESSION_NOT_FOUND");
                assertProblem(
                        node.post("/api/sessions/" + id + "/status", "{\"status\":\"executing\"}"),
                        404,
                        "SESSION_NOT_FOUND");
                assertProblem(
                        node.post("/api/sessions/" + id + "/prompt", "{\"prompt\":\"x\"}"), 404, "SESSION_NOT_FOUND");
                assertProblem(node.post("/api/sessions/" + id + "/fork", "{}"), 404, "SESSION_NOT_FOUND");
                assertProblem(node.delete("/api/sessions/" + id), 404, "SESSION_NOT_FOUND");
            }
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where aggregate_identifier = ?",
                            Long.class,
                            unknown))
                    .isZero();
        }

        @Test
        void unknownApiPathsAnswerProblemsNotTheDashboard() {
            assertProblem(node.get("/api/nothing-here"), 404, "NOT_FOUND");
            assertProblem(node.delete("/api/sessions"), 405, "METHOD_NOT_ALLOWED");
        }
    }

    @Nested
    class Ownership {

        @Test
        void anotherUsersSessionAnswers404EverywhereWhileAdminsSeeIt() {
            // given a session of ada's
            String id = create("ada's secret plan");
            read(id, 0);
            NodeClient grace = new NodeClient(port).withToken(TestUsers.token(context, "grace@example.com", false));
            NodeClient admin = new NodeClient(port).withToken(TestUsers.token(context, "root@example.com", true));

            // then grace cannot tell it exists, and cannot change it
            assertProblem(grace.get("/api/sessions/" + id), 404, "SESSION_NOT_FOUND");
            assertProblem(grace.get("/api/sessions/" + id + "/interactions"), 404, "SESSION_NOT_FOUND");
            assertProblem(
                    grace.patch("/api/sessions/" + id, "{\"title\":\"mine\"}", Map.of()), 404, "SESSION_NOT_FOUND");
            assertProblem(
                    grace.post("/api/sessions/" + id + "/mode", "{\"mode\":\"auto_accept\"}"),
                    404,
                    "SESSION_NOT_FOUND");
            assertProblem(
                    grace.post("/api/sessions/" + id + "/status", "{\"status\":\"executing\"}"),
                    404,
                    "SESSION_NOT_FOUND");
            assertProblem(
                    grace.post("/api/sessions/" + id + "/prompt", "{\"prompt\":\"x\"}"), 404, "SESSION_NOT_FOUND");
            assertProblem(
                    grace.post("/api/sessions/" + id + "/interactions", "{\"type\":\"ai_response\",\"content\":\"x\"}"),
                    404,
                    "SESSION_NOT_FOUND");
            assertProblem(grace.post("/api/sessions/" + id + "/fork", "{}"), 404, "SESSION_NOT_FOUND");
            assertProblem(grace.delete("/api/sessions/" + id), 404, "SESSION_NOT_FOUND");
            assertThat(grace.get("/api/sessions?size=100").json().get("items").findValuesAsString("id"))
                    .doesNotContain(id);
            assertThat(eventsOf(id)).isEqualTo(1);

            // and an admin sees it
            assertThat(admin.get("/api/sessions/" + id).status()).isEqualTo(200);
            assertThat(admin.get("/api/sessions?size=100").json().get("items").findValuesAsString("id"))
                    .contains(id);
        }
    }

    @Nested
    class Sharing {

        @Test
        void aSharedSessionIsReadableByOthersButOnlyTheOwnerChangesIt() {
            // given ada shares a session
            String id = create("ada's shared plan");
            Reply shared = node.post("/api/sessions/" + id + "/sharing", "{\"shared\":true}");
            assertThat(shared.status()).as(shared.raw()).isEqualTo(200);
            read(id, shared.json().get("version").asLong());
            NodeClient grace = new NodeClient(port).withToken(TestUsers.token(context, "grace@example.com", false));

            // then grace reads it, sees it listed, may fork it, and may not change it
            Reply readByGrace = grace.get("/api/sessions/" + id);
            assertThat(readByGrace.status()).isEqualTo(200);
            assertThat(readByGrace.json().get("shared").asBoolean()).isTrue();
            assertThat(grace.get("/api/sessions?size=100").json().get("items").findValuesAsString("id"))
                    .contains(id);
            assertProblem(
                    grace.post("/api/sessions/" + id + "/mode", "{\"mode\":\"auto_accept\"}"),
                    403,
                    "SESSION_READ_ONLY");
            assertProblem(
                    grace.post("/api/sessions/" + id + "/sharing", "{\"shared\":false}"), 403, "SESSION_READ_ONLY");
            assertProblem(grace.delete("/api/sessions/" + id), 403, "SESSION_READ_ONLY");
            Reply fork = grace.post("/api/sessions/" + id + "/fork", "{}");
            assertThat(fork.status()).isEqualTo(201);
            assertThat(grace.get("/api/sessions/" + fork.json().get("id").asString() + "?minVersion=0")
                            .json()
                            .get("ownerId")
                            .asString())
                    .isEqualTo(TestUsers.user(context, "grace@example.com", false));

            // and once ada stops sharing, it is gone for grace
            Reply unshared = node.post("/api/sessions/" + id + "/sharing", "{\"shared\":false}");
            read(id, unshared.json().get("version").asLong());
            assertProblem(grace.get("/api/sessions/" + id), 404, "SESSION_NOT_FOUND");
        }
    }

    @Test
    void servesTheOpenApiDescription() {
        Reply docs = node.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/sessions/{id}/prompt")).isTrue();
        assertThat(node.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
