package dev.orchwiz.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of the API as a careless or hostile client meets it, over a real socket against a running node: every
 * refusal under {@code /api} is {@code application/problem+json} with a stable code, the container's own included,
 * and no page number is a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ApiEdgesIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    String memberToken;
    String adminToken;

    @BeforeEach
    void users() {
        memberToken = TestUsers.token(context, "mia@example.com", false);
        adminToken = TestUsers.token(context, "root@example.com", true);
    }

    @Test
    void answersJsonOnlyWithNoXmlConverter() {
        RequestMappingHandlerAdapter adapter = context.getBean(RequestMappingHandlerAdapter.class);
        Reply xml = new NodeClient(port)
                .withToken(memberToken)
                .send("GET", "/api/me", null, Map.of("Accept", "application/xml"));

        assertThat(adapter.getMessageConverters()).noneMatch(Jaxb2RootElementHttpMessageConverter.class::isInstance);
        assertThat(adapter.getMessageConverters())
                .anyMatch(converter -> converter.getSupportedMediaTypes().contains(MediaType.APPLICATION_JSON));
        assertThat(xml.status()).isEqualTo(406);
    }

    private void assertProblem(int status, String contentType, String body, int expectedStatus) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        assertThat(contentType).as(body).startsWith(PROBLEM_JSON);
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("code").asString()).as(body).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Nested
    class Paging {

        private static final String HUGE = "page=2147483647&size=100";

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/api/sessions",
                    "/api/sessions/{session}/interactions",
                    "/api/me/tokens",
                    "/api/commands",
                    "/api/slash-commands",
                    "/api/permissions",
                    "/api/permission-policies",
                    "/api/approvals",
                    "/api/executions",
                    "/api/tool-calls",
                    "/api/tool-calls/approvals",
                    "/api/hooks",
                    "/api/subagents",
                    "/api/tool-calls/{random}/deliveries",
                    "/api/executions/{random}/output",
                    "/api/tool-calls/{random}/output",
                    "/api/hooks/{random}/deliveries",
                    "/api/admin/users",
                    "/api/admin/invitations"
                })
        void aPageFarBeyondTheDataIsARefusalOrAnEmptyPageNeverA500(String template) {
            // given
            NodeClient admin = new NodeClient(port).withToken(adminToken);
            Reply created = admin.post("/api/sessions", NodeClient.json(Map.of("title", "paged")));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String path = template.replace("{session}", created.json().get("id").asString())
                    .replace("{random}", UUID.randomUUID().toString());

            // when
            Reply reply = admin.get(path + "?" + HUGE);

            // then
            assertThat(reply.status()).as(path + " " + reply.raw()).isIn(200, 400, 404);
            if (reply.status() == 200) {
                assertThat(reply.json().get("items")).as(reply.raw()).isEmpty();
            } else {
                assertProblem(reply.status(), reply.contentType(), reply.raw(), reply.status());
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/api/sessions",
                    "/api/me/tokens",
                    "/api/admin/users",
                    "/api/admin/invitations",
                    "/api/hooks",
                    "/api/permission-policies"
                })
        void anOffsetBeyondWhatTheStoreCanAddressIsA400NamingThePage(String path) {
            Reply reply = new NodeClient(port).withToken(adminToken).get(path + "?" + HUGE);

            assertProblem(reply.status(), reply.contentType(), reply.raw(), 400);
            assertThat(reply.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(reply.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("page");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/sessions", "/api/hooks", "/api/permission-policies"})
        void theLastAddressablePageIsStillAnEmptyPage(String path) {
            // 21474835 × 100 = 2,147,483,500: the largest offset below 2^31 that still leaves room for a page.
            Reply reply = new NodeClient(port).withToken(adminToken).get(path + "?page=21474835&size=100");

            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            assertThat(reply.json().get("items")).isEmpty();
        }
    }

    /** Renamed paths keep answering for one release and point at their successor; the seed's paths stay as they are. */
    @Nested
    class RenamedPaths {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/api/executions=/api/tool-calls",
                    "/api/approvals=/api/tool-calls/approvals",
                    "/api/executions/{random}/output=/api/tool-calls/{random}/output"
                })
        void theOldPathAnswersLikeTheNewOneAndSaysItIsDeprecated(String pair) {
            // given
            String random = UUID.randomUUID().toString();
            String old = pair.split("=")[0].replace("{random}", random);
            String successor = pair.split("=")[1].replace("{random}", random);
            NodeClient member = new NodeClient(port).withToken(memberToken);

            // when
            Reply viaOld = member.get(old);
            Reply viaNew = member.get(successor);

            // then
            assertThat(viaOld.status()).as(viaOld.raw()).isEqualTo(viaNew.status());
            assertThat(viaOld.code()).isEqualTo(viaNew.code());
            assertThat(viaOld.header("Deprecation")).isEqualTo("@1796428800");
            assertThat(viaOld.header("Link")).isEqualTo("<" + successor + ">; rel=\"successor-version\"");
            assertThat(viaNew.header("Deprecation")).isNull();
        }

        @org.junit.jupiter.api.Test
        void aDecisionOnTheOldApprovalPathNamesTheToolCallDecisionAsSuccessor() {
            String random = UUID.randomUUID().toString();
            NodeClient member = new NodeClient(port).withToken(memberToken);

            Reply viaOld = member.post("/api/approvals/" + random, NodeClient.json(Map.of("decision", "approve")));
            Reply viaNew = member.post(
                    "/api/tool-calls/" + random + "/decision", NodeClient.json(Map.of("decision", "approve")));

            assertThat(viaOld.status())
                    .as(viaOld.raw())
                    .isEqualTo(viaNew.status())
                    .isEqualTo(404);
            assertThat(viaOld.header("Link"))
                    .isEqualTo("</api/tool-calls/" + random + "/decision>; rel=\"successor-version\"");
        }

        @org.junit.jupiter.api.Test
        void theSeedsSlashCommandPathIsNotDeprecated() {
            NodeClient member = new NodeClient(port).withToken(memberToken);

            Reply seed = member.get("/api/commands");
            Reply canonical = member.get("/api/slash-commands");

            assertThat(seed.status()).as(seed.raw()).isEqualTo(200);
            assertThat(seed.json()).isEqualTo(canonical.json());
            assertThat(seed.header("Deprecation")).isNull();
        }
    }

    @Nested
    class ContainerRefusals {

        private RawHttp.Answer get(String target) throws IOException {
            return RawHttp.send(port, "GET " + target + " HTTP/1.1", Map.of("Authorization", "Bearer " + memberToken));
        }

        private void assertProblem(RawHttp.Answer answer, int status) {
            ApiEdgesIT.this.assertProblem(answer.status(), answer.contentType(), answer.body(), status);
            assertThat(answer.body()).doesNotContain("Apache Tomcat", "<html");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/api/sessions/%00",
                    "/api/sessions/a%00b",
                    "/api/sessions/%2F",
                    "/api/sessions/a%2Fb",
                    "/api/sessions/%zz",
                    "/api/sessions/%",
                    "/api/sessions/a%5Cb",
                    "/api/sessions/a;b",
                    "/api/sessions/%2e%2e/admin",
                    "/api/sessions/%25",
                    "/api/sessions/a//b"
                })
        void aMalformedPathIsA400Problem(String target) throws IOException {
            assertProblem(get(target), 400);
        }

        @org.junit.jupiter.api.Test
        void aHundredKilobyteQueryStringIsAProblem() throws IOException {
            RawHttp.Answer answer = get("/api/sessions?q=" + "a".repeat(100_000));

            assertThat(answer.status()).isBetween(400, 499);
            assertProblem(answer, answer.status());
        }

        @org.junit.jupiter.api.Test
        void aHundredKilobyteHeaderIsAProblem() throws IOException {
            RawHttp.Answer answer = RawHttp.send(
                    port,
                    "GET /api/sessions HTTP/1.1",
                    Map.of("Authorization", "Bearer " + memberToken, "X-Padding", "p".repeat(100_000)));

            assertThat(answer.status()).isBetween(400, 499);
            assertProblem(answer, answer.status());
        }

        /**
         * The security firewall checks a header's value only when the API reads it; what it refuses then is the
         * caller's fault (a 400 with the container's code, never a 500). Sent as the bytes of U+202E in UTF-8, which
         * read as ISO-8859-1 hold a control character.
         */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "GET /api/forwarding/events?origin=x&fromSeq=1|orchwiz-origin",
                    "POST /api/forwarding/events|orchwiz-origin",
                    "PATCH /api/slash-commands/00000000-0000-0000-0000-000000000001|If-Match"
                })
        void aHeaderTheApiReadsWithCharactersTheFirewallRefusesIsA400Problem(String requestAndHeader)
                throws IOException {
            String[] parts = requestAndHeader.split("\\|");
            RawHttp.Answer answer = RawHttp.send(
                    port,
                    parts[0] + " HTTP/1.1",
                    Map.of(
                            "Authorization",
                            "Bearer " + memberToken,
                            "webhook-id",
                            "id",
                            "webhook-timestamp",
                            "1",
                            "webhook-signature",
                            "v1a,abc",
                            "Content-Type",
                            "application/json",
                            "Content-Length",
                            "0",
                            parts[1],
                            "\u00e2\u0080\u00aeevil<b>x</b>"));

            assertProblem(answer, 400);
            assertThat(answer.body()).contains("\"code\":\"BAD_REQUEST\"").doesNotContain("evil");
        }

        @org.junit.jupiter.api.Test
        void aRequestLineThatIsNotHttpIsAProblem() throws IOException {
            RawHttp.Answer answer = RawHttp.send(port, "GET /api/sessions HTTP/1.1 trailing", Map.of());

            assertProblem(answer, 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"TRACE", "PROPFIND", "FOO", "CONNECT"})
        void anUnsupportedMethodIsAProblem(String method) throws IOException {
            RawHttp.Answer answer = RawHttp.send(
                    port, method + " /api/sessions HTTP/1.1", Map.of("Authorization", "Bearer " + memberToken));

            assertThat(answer.status()).isIn(400, 405, 501);
            assertProblem(answer, answer.status());
        }

        @org.junit.jupiter.api.Test
        void anUnknownPathIsANotFoundProblem() throws IOException {
            assertProblem(get("/api/no-such-thing/at-all"), 404);
        }

        @org.junit.jupiter.api.Test
        void anAnonymousMalformedPathIsStillAProblem() throws IOException {
            RawHttp.Answer answer = RawHttp.send(port, "GET /api/sessions/%00 HTTP/1.1", Map.of());

            assertProblem(answer, 400);
        }

        @org.junit.jupiter.api.Test
        void theErrorPageIsNoPartOfTheApiDescription() {
            Reply docs = new NodeClient(port).withToken(memberToken).get("/v3/api-docs");

            assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
            assertThat(docs.json().path("paths").has("/error")).isFalse();
        }

        @org.junit.jupiter.api.Test
        void aFailureOfTheErrorPageItselfLeaksNoStackTrace() throws IOException {
            RawHttp.Answer answer = get("/error");

            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
            assertThat(answer.body()).doesNotContain("Exception", "trace", "<html");
        }
    }
}
